package org.aula.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in visitor over real HTTP (cookies, CSRF tokens, error pages rendered by the servlet container), for
 * tests where MockMvc would skip part of the stack. Redirects are not followed, so tests can see them.
 */
public final class HttpSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String language = "en";

    private HttpSession(int port) {
        this.base = "http://localhost:" + port;
    }

    public static HttpSession signIn(int port, String username, String password) {
        var session = new HttpSession(port);
        var response = session.post("/login", Map.of("username", username, "password", password));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in failed for " + username);
        }
        return session;
    }

    /** The browser's Accept-Language from now on. */
    public HttpSession language(String language) {
        this.language = language;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs a form with the CSRF token of the login page (tokens are per session). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        var matcher = CSRF.matcher(get("/login").body());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        var fields = new LinkedHashMap<>(form);
        fields.put("_csrf", matcher.group(1));
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Accept", "text/html").header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
