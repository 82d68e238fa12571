package org.aula.bbb;

/**
 * Hash algorithms bbb-web accepts for the API checksum (reference §2.2).
 *
 * <p>The server picks the algorithm from the length of the hex checksum, so the client only has to
 * use one the server lists in {@code supportedChecksumAlgorithms}. SHA-1 is still needed for
 * bbb-webhooks before BBB 3.0.
 */
public enum ChecksumAlgorithm {
    SHA1("SHA-1", 40),
    SHA256("SHA-256", 64),
    SHA384("SHA-384", 96),
    SHA512("SHA-512", 128);

    private final String jcaName;
    private final int hexLength;

    ChecksumAlgorithm(String jcaName, int hexLength) {
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** The name {@link java.security.MessageDigest#getInstance(String)} expects. */
    public String jcaName() {
        return jcaName;
    }

    /** Length of the lower-case hex digest; bbb-web uses it to recognise the algorithm. */
    public int hexLength() {
        return hexLength;
    }

    /** The algorithm a server would infer from a checksum of this length, if any. */
    public static java.util.Optional<ChecksumAlgorithm> forHexLength(int length) {
        for (ChecksumAlgorithm a : values()) {
            if (a.hexLength == length) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
