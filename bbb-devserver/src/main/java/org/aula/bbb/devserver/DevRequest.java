package org.aula.bbb.devserver;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A transport-neutral HTTP request as seen by {@link DevServer}.
 *
 * @param method        HTTP method, upper case
 * @param path          raw (still percent-encoded) path relative to the mount point, starting with {@code /}
 * @param rawQuery      the query string exactly as received (no leading {@code ?}); {@code null} or empty if none
 * @param headers       request headers; looked up case-insensitively
 * @param body          request body bytes (never null)
 * @param remoteAddress client address, informational
 * @param baseUrl       externally visible URL of the mount point (e.g. {@code https://app.example/devbbb}), used for
 *                      links when {@link DevServer.Options#publicBaseUrl()} is not configured; may be null
 */
public record DevRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
                         String remoteAddress, String baseUrl) {

    public DevRequest {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        path = path == null || path.isEmpty() ? "/" : path;
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            h.putAll(headers);
        }
        headers = h;
        body = body == null ? new byte[0] : body;
    }

    /** Convenience for tests: a GET without body. */
    public static DevRequest get(String path, String rawQuery) {
        return new DevRequest("GET", path, rawQuery, Map.of(), new byte[0], "127.0.0.1", null);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String contentType() {
        String ct = header("Content-Type");
        return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
    }
}
