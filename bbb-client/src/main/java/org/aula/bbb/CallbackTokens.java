package org.aula.bbb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * Per-meeting tokens for callback URLs that BBB calls without any signature, such as
 * {@code meta_endCallbackUrl} (reference §8.1): put {@code tokenFor(meetingId)} into the URL at
 * create time and {@link #verify} it when the GET arrives.
 *
 * <p>A token is HMAC-SHA256(secret, meetingId) in unpadded base64url. Use an application secret of
 * at least 16 bytes, ideally not the BBB shared secret, so that a leaked callback URL reveals nothing
 * about API access.
 */
public final class CallbackTokens {

    private static final int MIN_SECRET_BYTES = 16;

    private final byte[] secret;

    public CallbackTokens(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("callback secret must be at least " + MIN_SECRET_BYTES
                    + " bytes, was " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The secret's UTF-8 bytes are the key. */
    public CallbackTokens(String secret) {
        this(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /** The token for a meeting; deterministic, URL-safe, 43 characters. */
    public String tokenFor(String meetingId) {
        Objects.requireNonNull(meetingId, "meetingId");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(meetingId));
    }

    /** Constant-time check; false (never an exception) for null or malformed tokens. */
    public boolean verify(String meetingId, String token) {
        if (meetingId == null || token == null) {
            return false;
        }
        byte[] expected = tokenFor(meetingId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String meetingId) {
        return RecordingReadyCallback.hmac(secret, meetingId.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "CallbackTokens[secret=***]";
    }
}
