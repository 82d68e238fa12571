package org.aula.bbb;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds an encoded query string once, so that the bytes hashed are the bytes sent.
 *
 * <p>Encoding is RFC 3986: only the unreserved set {@code A-Z a-z 0-9 - . _ ~} is left alone, every
 * other UTF-8 byte becomes {@code %XX} (upper-case hex), and a space becomes {@code %20}, never
 * {@code +}. {@code %20} is chosen because it means a space in every decoder, whereas {@code +} is a
 * space only under form decoding; both hash correctly on bbb-web because it hashes the raw query.
 */
public final class QueryString {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder sb = new StringBuilder(128);

    /** Appends {@code name=value}; names are encoded too, although BBB names are plain ASCII. */
    public QueryString add(String name, String value) {
        if (!sb.isEmpty()) {
            sb.append('&');
        }
        encodeInto(name, sb);
        sb.append('=');
        encodeInto(value, sb);
        return this;
    }

    public QueryString addAll(Map<String, String> parameters) {
        parameters.forEach(this::add);
        return this;
    }

    public boolean isEmpty() {
        return sb.isEmpty();
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** Percent-encodes one name or value with the RFC 3986 unreserved set. */
    public static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        encodeInto(s, out);
        return out.toString();
    }

    static void encodeInto(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c < 0x80) {
                appendByte(out, c);
            } else {
                // Rare path: fall back to the JDK's UTF-8 encoder for the rest of the string so that
                // surrogate pairs (emoji) become one 4-byte sequence and lone surrogates become '?'.
                for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
                    int u = b & 0xFF;
                    if (u < 0x80 && isUnreserved((char) u)) {
                        out.append((char) u);
                    } else {
                        appendByte(out, u);
                    }
                }
                return;
            }
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
