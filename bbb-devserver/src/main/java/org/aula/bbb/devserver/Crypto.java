package org.aula.bbb.devserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hashing, HMAC/JWT and random tokens; JDK only. */
public final class Crypto {
    private static final SecureRandom RANDOM = newRandom();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Crypto() {
    }

    /** DRBG (seeded by the OS) avoids a /dev/urandom read per call that NativePRNG does; fall back to the default. */
    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static String randomFrom(char[] alphabet, int n) {
        byte[] b = new byte[n * 2];
        RANDOM.nextBytes(b);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            int v = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
            c[i] = alphabet[v % alphabet.length]; // 65536 % 36 or 62: bias below 0.1 %, fine for tokens
        }
        return new String(c);
    }

    /** BBB algorithm name (sha1, sha256, sha384, sha512) to JCA name. */
    public static String jcaName(String bbbAlgorithm) {
        return switch (bbbAlgorithm.toLowerCase(Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported algorithm " + bbbAlgorithm);
        };
    }

    /** Algorithm chosen from the hex length of a checksum, as bbb-web does; null if no match. */
    public static String algorithmForHexLength(int length) {
        return switch (length) {
            case 40 -> "sha1";
            case 64 -> "sha256";
            case 96 -> "sha384";
            case 128 -> "sha512";
            default -> null;
        };
    }

    public static String hashHex(String bbbAlgorithm, String data) {
        try {
            MessageDigest md = MessageDigest.getInstance(jcaName(bbbAlgorithm));
            return HexFormat.of().formatHex(md.digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha1Hex(String data) {
        return hashHex("sha1", data);
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }

    /** HS256 JWT with header {"alg":"HS256"} (as ruby-jwt's JWT.encode(payload, secret) produces). */
    public static String jwtHs256(String payloadJson, String secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        byte[] sig = hmacSha256(secret.getBytes(StandardCharsets.UTF_8), signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(sig);
    }

    /** Constant-time string comparison (both sides are compared as UTF-8 bytes). */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public static String randomLowerAlnum(int n) {
        return randomFrom(LOWER_ALNUM, n);
    }

    public static String randomAlnum(int n) {
        return randomFrom(ALNUM, n);
    }

    public static int randomInt(int bound) {
        return RANDOM.nextInt(bound);
    }
}
