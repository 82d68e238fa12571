package org.aula.bbb.devserver;

/** Minimal XML writer for BBB response envelopes (no declaration, compact, like bbb-web's compressed output). */
final class Xml {
    private final StringBuilder sb = new StringBuilder(2048);

    static Xml response(String returncode) {
        Xml x = new Xml();
        x.sb.append("<response>");
        x.el("returncode", returncode);
        return x;
    }

    Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    Xml empty(String name) {
        sb.append('<').append(name).append("/>");
        return this;
    }

    Xml el(String name, Object value) {
        sb.append('<').append(name).append('>');
        escape(sb, value == null ? "" : String.valueOf(value));
        sb.append("</").append(name).append('>');
        return this;
    }

    Xml cdata(String name, String value) {
        sb.append('<').append(name).append("><![CDATA[");
        sb.append(value == null ? "" : value.replace("]]>", "]]]]><![CDATA[>"));
        sb.append("]]></").append(name).append('>');
        return this;
    }

    Xml raw(String s) {
        sb.append(s);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    String end() {
        sb.append("</response>");
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        escape(b, s);
        return b.toString();
    }

    static void escape(StringBuilder b, String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                break;
            }
            i++;
        }
        if (i == n) {
            b.append(s); // fast path: nothing to escape
            return;
        }
        b.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        continue; // not representable in XML 1.0
                    }
                    b.append(c);
                }
            }
        }
    }

    static String error(String key, String message) {
        return response("FAILED").el("messageKey", key).el("message", message).end();
    }
}
