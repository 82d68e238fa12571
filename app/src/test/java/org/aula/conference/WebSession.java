package org.aula.conference;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session (cookies, CSRF token, no redirect following) for route and flow tests. */
public final class WebSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in; returns this session (anonymous when username is null). */
    public static WebSession login(int port, String username, String password) {
        WebSession s = new WebSession(port);
        if (username != null) {
            HttpResponse<String> page = s.get("/login");
            s.remember(page.body());
            HttpResponse<String> r = s.post("/login", Map.of("username", username, "password", password));
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + location);
            }
            s.csrf = null;
        }
        return s;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET().build());
        remember(r.body());
        return r;
    }

    /** Opens a streaming GET (Server-Sent Events); the caller reads lines and closes the stream. */
    public HttpResponse<java.util.stream.Stream<String>> stream(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST with the session's CSRF token (fetched from the home page if none is known yet). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        if (csrf == null) {
            remember(send(HttpRequest.newBuilder(uri("/")).GET().build()).body());
        }
        var all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return postRaw(path, all);
    }

    public HttpResponse<String> post(String path) {
        return post(path, Map.of());
    }

    /** POST exactly these fields (no CSRF token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public String url(String path) {
        return base + path;
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private void remember(String body) {
        if (body == null) {
            return;
        }
        Matcher m = CSRF_META.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
            return;
        }
        m = CSRF_INPUT.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
