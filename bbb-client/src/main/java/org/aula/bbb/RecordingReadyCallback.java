package org.aula.bbb;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The recording-ready callback (reference §8.2): BBB POSTs {@code signed_parameters=<JWT>}, an HS256
 * JWT signed with the shared secret carrying {@code meeting_id} and {@code record_id}.
 *
 * <p>Verification is hand-written with {@link Mac} to stay dependency-free, and deliberately narrow:
 * only {@code alg=HS256} is accepted (never {@code none}, never anything the token chooses), the
 * signature is compared in constant time before any claim is trusted, and both claims must be
 * non-empty strings. BBB sends no {@code exp}; if a token has one it must not have passed.
 */
public final class RecordingReadyCallback {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder B64URL_ENC = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_TOKEN_LENGTH = 8192;

    private RecordingReadyCallback() {
    }

    /**
     * Verifies the token and returns its claims.
     *
     * @param signedParameters the value of the {@code signed_parameters} form field
     * @param secret the BBB shared secret
     * @throws InvalidCallbackException if the token is malformed, not HS256, wrongly signed, expired,
     *     or lacks a claim
     */
    public static RecordingReady verify(String signedParameters, String secret) {
        Objects.requireNonNull(secret, "secret");
        if (signedParameters == null || signedParameters.isBlank()) {
            throw new InvalidCallbackException("recording-ready callback has no signed_parameters");
        }
        String token = signedParameters.strip();
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidCallbackException("signed_parameters is implausibly long for a BBB JWT");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new InvalidCallbackException("signed_parameters is not a JWT (expected header.payload.signature)");
        }
        Map<?, ?> header = jsonObject(parts[0], "header");
        Object alg = header.get("alg");
        if (!"HS256".equals(alg)) {
            // Checking alg against a fixed value (not using it to pick a verifier) defeats alg=none
            // and algorithm-confusion tricks.
            throw new InvalidCallbackException("JWT algorithm " + (alg == null ? "is missing" : "'" + alg + "' is not HS256"));
        }
        if (header.containsKey("crit")) {
            throw new InvalidCallbackException("JWT has critical header extensions this verifier does not support");
        }
        byte[] signature = decode(parts[2], "signature");
        byte[] expected = hmac(secret, parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new InvalidCallbackException("JWT signature does not match the shared secret");
        }
        Map<?, ?> claims = jsonObject(parts[1], "payload");
        Object exp = claims.get("exp");
        if (exp != null) {
            if (!(exp instanceof Number n)) {
                throw new InvalidCallbackException("JWT 'exp' claim is not a number");
            }
            if (n.longValue() < System.currentTimeMillis() / 1000) {
                throw new InvalidCallbackException("JWT has expired");
            }
        }
        return new RecordingReady(claim(claims, "meeting_id"), claim(claims, "record_id"));
    }

    /**
     * Produces a token the way BBB does ({@code {"alg":"HS256"}} header, no expiry), for tests and
     * development servers.
     */
    public static String sign(String meetingId, String recordId, String secret) {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(recordId, "recordId");
        String header = B64URL_ENC.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64URL_ENC.encodeToString(("{\"meeting_id\":" + Json.quote(meetingId) + ",\"record_id\":"
                + Json.quote(recordId) + "}").getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        return signingInput + "." + B64URL_ENC.encodeToString(hmac(secret, signingInput));
    }

    /** The form body BBB would POST: {@code signed_parameters=<JWT>}. */
    public static String formBody(String meetingId, String recordId, String secret) {
        // A JWT is base64url plus dots, all unreserved, so no form encoding is needed.
        return "signed_parameters=" + sign(meetingId, recordId, secret);
    }

    private static String claim(Map<?, ?> claims, String name) {
        if (!(claims.get(name) instanceof String s) || s.isEmpty()) {
            throw new InvalidCallbackException("JWT lacks the string claim '" + name + "'");
        }
        return s;
    }

    private static Map<?, ?> jsonObject(String part, String what) {
        String json = new String(decode(part, what), StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidCallbackException("JWT " + what + " is not valid JSON", e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidCallbackException("JWT " + what + " is not a JSON object");
        }
        return map;
    }

    private static byte[] decode(String part, String what) {
        if (part.indexOf('=') >= 0 || part.indexOf('+') >= 0 || part.indexOf('/') >= 0) {
            throw new InvalidCallbackException("JWT " + what + " is not unpadded base64url");
        }
        try {
            return B64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidCallbackException("JWT " + what + " is not valid base64url", e);
        }
    }

    static byte[] hmac(String secret, String data) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret is empty");
        }
        return hmac(secret.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
