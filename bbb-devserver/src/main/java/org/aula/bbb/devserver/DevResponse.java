package org.aula.bbb.devserver;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transport-neutral HTTP response produced by {@link DevServer}.
 *
 * @param status  HTTP status
 * @param headers response headers (single-valued)
 * @param body    body bytes
 * @param abort   if true the adapter should drop the connection without a proper answer (fault injection
 *                "connection reset"); status/body are then only a hint for adapters that cannot abort
 */
public record DevResponse(int status, Map<String, String> headers, byte[] body, boolean abort) {

    public DevResponse {
        headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
    }

    public static DevResponse of(int status, String contentType, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Cache-Control", "no-cache");
        return new DevResponse(status, h, body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** The body array is not copied: callers must not modify it afterwards. */
    public static DevResponse of(int status, String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Cache-Control", "no-cache");
        return new DevResponse(status, h, body, false);
    }

    public static DevResponse xml(String body) {
        return of(200, "text/xml;charset=utf-8", body);
    }

    public static DevResponse json(int status, String body) {
        return of(status, "application/json;charset=utf-8", body);
    }

    public static DevResponse html(int status, String body) {
        return of(status, "text/html;charset=utf-8", body);
    }

    public static DevResponse redirect(String location) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Location", location);
        h.put("Cache-Control", "no-cache");
        h.put("Content-Type", "text/plain;charset=utf-8");
        return new DevResponse(302, h, new byte[0], false);
    }

    public static DevResponse bytes(String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Cache-Control", "max-age=60");
        return new DevResponse(200, h, body, false);
    }

    public static DevResponse reset() {
        return new DevResponse(500, Map.of(), new byte[0], true);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
