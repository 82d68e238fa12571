package org.aula.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** One browser signing in over real HTTP, through a proxy on loopback that sends forwarded headers. */
final class LoginForm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    LoginForm(int port) {
        this.port = port;
    }

    /** POSTs the login form as if from {@code clientAddress} (X-Forwarded-For); returns the answer. */
    HttpResponse<String> signIn(String username, String password, String clientAddress, String forwardedProto) {
        var page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET(), clientAddress,
                forwardedProto);
        var matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token");
        }
        String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(matcher.group(1));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), clientAddress, forwardedProto);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String clientAddress, String forwardedProto) {
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        try {
            return http.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
