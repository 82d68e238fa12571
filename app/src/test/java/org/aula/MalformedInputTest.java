package org.aula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aula.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the app (read from Spring MVC's own mappings, so new routes are walked too) gets malformed IDs,
 * dates, paging numbers, oversized and non-UTF-8 values, as each kind of visitor: nothing may answer 5xx. Requests
 * that only real HTTP can send (bad percent-escapes, invalid UTF-8 in the path) go over a socket, and leave no stack
 * trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedInputTest extends WebTest {

    /** Values for path variables and request parameters. */
    static final List<String> JUNK = List.of("abc", "-1", "0", "99999999999999999999", "+999999999-12-31",
            "1970-13-45", "%", "%ZZ", "\u0000", "\uD800", "'\"<script>", "x".repeat(5_000), "é€😀", "NaN", "");

    static final List<String> WHO = java.util.Arrays.asList(null, "student", "teacher", "admin");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    record Failure(String who, String request, int status) {
    }

    @Test
    void noRouteAnswers5xxToJunk() throws Exception {
        List<Failure> failures = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<HttpMethod> httpMethods = methods.isEmpty() ? List.of(HttpMethod.GET)
                    : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // Boot's error page renderer: opened directly (no error to show) it answers 500 itself
                }
                for (HttpMethod method : httpMethods) {
                    for (String junk : JUNK) {
                        for (String who : WHO) {
                            // The plugin's own settings forms accept some junk as valid values (an empty form
                            // switches the plugin off): changing them would disturb the other tests of this JVM.
                            if ("admin".equals(who) && method != HttpMethod.GET
                                    && pattern.startsWith("/admin/plugins/") && !pattern.endsWith("/test")) {
                                continue;
                            }
                            String path = fill(pattern, junk);
                            AbstractMockHttpServletRequestBuilder<?> request = build(method, path, handler, junk);
                            if (who != null) {
                                request.with(as(who));
                            }
                            if (method != HttpMethod.GET) {
                                request.with(csrf());
                            }
                            int status;
                            try {
                                status = mvc.perform(request).andReturn().getResponse().getStatus();
                            } catch (Exception e) {
                                status = 599; // an exception that escaped every handler is a 500 for a real client
                            }
                            if (status >= 500 && status != 503) {
                                failures.add(new Failure(who, method + " " + shorten(path) + " [" + shorten(junk) + "]",
                                        status));
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Path variables get the junk value (percent-encoded as a client would send it), else a valid-looking one. */
    private static String fill(String pattern, String junk) {
        Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        var out = new StringBuilder();
        while (m.find()) {
            String value = junk.isEmpty() ? "x" : junk;
            m.appendReplacement(out, Matcher.quoteReplacement(
                    org.springframework.web.util.UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString().replace("/**", "/x");
    }

    private static AbstractMockHttpServletRequestBuilder<?> build(HttpMethod method, String path, HandlerMethod handler,
                                                       String junk) {
        boolean multipart = false;
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                    : parameter.getParameterName();
            if (parameter.getParameterType().getName().contains("MultipartFile")) {
                multipart = true;
            } else if (name != null) {
                names.add(name);
            }
        }
        // form fields bound to objects (@ModelAttribute) are not listed; the common ones are added here
        names.addAll(List.of("page", "from", "to", "since", "q", "username", "fullName", "email", "password"));
        AbstractMockHttpServletRequestBuilder<?> request;
        if (multipart) {
            var upload = MockMvcRequestBuilders.multipart(method, path);
            upload.file(new MockMultipartFile("file", junk + ".pdf", "application/pdf",
                    junk.getBytes(StandardCharsets.UTF_8)));
            request = upload;
        } else {
            request = MockMvcRequestBuilders.request(method, path);
        }
        for (String name : new LinkedHashSet<>(names)) {
            request.param(name, junk);
        }
        return request.header("Accept", "text/html");
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    // ------------------------------------------------------------------ over real HTTP

    @Test
    void rawRequestsWithBrokenEncodingGet4xxAndNoStackTrace(CapturedOutput output) throws IOException {
        int before = output.getAll().length();
        List<String> requests = List.of(
                post("/callbacks/recordings/ready", "application/x-www-form-urlencoded", "signed_parameters=%zz%"),
                post("/callbacks/recordings/ready", "application/x-www-form-urlencoded", "signed_parameters=%C3%28%ff"),
                post("/callbacks/recordings/ready", "application/x-www-form-urlencoded", "%=%&=&signed_parameters"),
                post("/callbacks/webhooks", "application/x-www-form-urlencoded", "event=%zz&timestamp=%"),
                post("/callbacks/webhooks", "application/json", "{\"not\": json"),
                "GET /callbacks/meetings/%zz/ended?token=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /callbacks/presentations/%C3%28?x=%ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /login?error=%zz&x=%C3%28 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /courses/%C3%28/videoconference HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                post("/login", "application/x-www-form-urlencoded", "username=%zz&password=%C3%28"));
        for (String request : requests) {
            int status = send(request);
            assertThat(status).as(request).isBetween(200, 499);
        }
        String log = output.getAll().substring(before);
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ");
        long warnings = log.lines().filter(l -> l.contains(" WARN ")).count();
        assertThat(warnings).as(log).isLessThanOrEqualTo(requests.size());
    }

    private static String post(String path, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
    }

    private int send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            var answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            return Integer.parseInt(text.substring(9, 12));
        }
    }

}
