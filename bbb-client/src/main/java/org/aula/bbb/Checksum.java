package org.aula.bbb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The BBB API checksum: {@code hex(hash(callName + query + secret))} (reference §2.1).
 *
 * <p>The query must be the exact string that goes on the wire, without the leading {@code ?} and
 * without the {@code checksum} parameter: bbb-web hashes the raw, still percent-encoded query it
 * received and does not canonicalise it, so any re-encoding after hashing breaks the check.
 */
public final class Checksum {

    private Checksum() {
    }

    /**
     * Computes the lower-case hex checksum.
     *
     * @param callName the path after {@code /api/}, e.g. {@code create} or {@code hooks/create}
     * @param query the encoded query string exactly as sent, may be empty
     */
    public static String of(ChecksumAlgorithm algorithm, String callName, String query, String secret) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(callName, "callName");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(secret, "secret");
        MessageDigest digest = newDigest(algorithm);
        digest.update(callName.getBytes(StandardCharsets.UTF_8));
        digest.update(query.getBytes(StandardCharsets.UTF_8));
        digest.update(secret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Checks a received checksum the way bbb-web does: the algorithm follows from its length, and
     * hex case does not matter. Useful for servers and test doubles.
     */
    public static boolean matches(String checksum, String callName, String query, String secret) {
        if (checksum == null) {
            return false;
        }
        return ChecksumAlgorithm.forHexLength(checksum.length())
                .map(a -> MessageDigest.isEqual(
                        of(a, callName, query, secret).getBytes(StandardCharsets.US_ASCII),
                        checksum.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static MessageDigest newDigest(ChecksumAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.jcaName());
        } catch (NoSuchAlgorithmException e) {
            // Every JDK must ship these four digests, so this means a broken runtime.
            throw new IllegalStateException("JDK lacks " + algorithm.jcaName(), e);
        }
    }
}
