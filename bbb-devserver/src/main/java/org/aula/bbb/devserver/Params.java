package org.aula.bbb.devserver;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Parameters decoded from a raw query string (and optionally a form body), keeping order and repeats. */
final class Params {
    final Map<String, List<String>> values = new LinkedHashMap<>();
    /** raw (undecoded) values of the {@code checksum} parameter in the query string */
    final List<String> rawChecksums = new ArrayList<>();
    /** true if some pair could not be decoded (it is then left out, as a servlet container would) */
    boolean malformed;

    static Params parse(String rawQuery, boolean collectChecksum) {
        Params p = new Params();
        p.addAll(rawQuery, collectChecksum);
        return p;
    }

    void addAll(String raw, boolean collectChecksum) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        int start = 0;
        int len = raw.length();
        while (start <= len) {
            int amp = raw.indexOf('&', start);
            if (amp < 0) {
                amp = len;
            }
            if (amp > start) {
                String pair = raw.substring(start, amp);
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    String name = decode(rawName);
                    String value = decode(rawValue);
                    values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                    if (collectChecksum && name.equals("checksum")) {
                        rawChecksums.add(rawValue);
                    }
                } catch (IllegalArgumentException e) {
                    malformed = true;
                }
            }
            start = amp + 1;
        }
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** First value or null. */
    String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** First value with control characters removed (bbb-web ParamsUtil.sanitizeString), or null. */
    String clean(String name) {
        String v = get(name);
        return v == null ? null : stripControl(v);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Non-blank first value. */
    boolean present(String name) {
        String v = get(name);
        return v != null && !v.isBlank();
    }

    static String stripControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                StringBuilder b = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (!Character.isISOControl(c)) {
                        b.append(c);
                    }
                }
                return b.toString();
            }
        }
        return s;
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** bbb-web's reconstruction for POSTs with an empty query: sorted names, URLEncoder values, no checksum. */
    String sortedReconstruction() {
        TreeMap<String, List<String>> sorted = new TreeMap<>(values);
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> e : sorted.entrySet()) {
            if (e.getKey().equals("checksum")) {
                continue;
            }
            for (String v : e.getValue()) {
                if (!b.isEmpty()) {
                    b.append('&');
                }
                b.append(e.getKey()).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
