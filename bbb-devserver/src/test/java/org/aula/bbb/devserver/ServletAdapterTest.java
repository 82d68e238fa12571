package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.aula.bbb.devserver.servlet.DevServerServlet;
import org.junit.jupiter.api.Test;

/**
 * The servlet adapter with hand-made request/response proxies: raw query string and raw body are used, and
 * {@code getParameter*} is never called (it would make containers consume the form body).
 */
class ServletAdapterTest {

    static final class Captured {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }

    static HttpServletRequest request(String method, String uri, String query, String contentType, byte[] body) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream sis = new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
            }

            @Override
            public int read() {
                return in.read();
            }
        };
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(ServletAdapterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getContextPath" -> "/app";
                    case "getServletPath" -> "/devbbb";
                    case "getScheme" -> "http";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 8080;
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getInputStream" -> sis;
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getHeader" -> headers.get((String) a[0]);
                    case "getContentType" -> contentType;
                    case "getParameter", "getParameterMap", "getParameterNames", "getParameterValues", "getReader" ->
                            throw new AssertionError(m.getName() + " must not be called");
                    case "hashCode" -> 1;
                    case "equals" -> p == a[0];
                    case "toString" -> "request";
                    default -> null;
                });
    }

    static HttpServletResponse response(Captured c) {
        ServletOutputStream sos = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }

            @Override
            public void write(int b) {
                c.body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(ServletAdapterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> c.status = (Integer) a[0];
                        case "setHeader" -> c.headers.put((String) a[0], (String) a[1]);
                        case "getOutputStream" -> {
                            return sos;
                        }
                        case "hashCode" -> {
                            return 1;
                        }
                        case "equals" -> {
                            return p == a[0];
                        }
                        default -> {
                            // setContentLength etc.
                        }
                    }
                    return null;
                });
    }

    @Test
    void servletUsesRawQueryAndBodyAndTheMountForLinks() throws Exception {
        try (DevServer core = new DevServer(DevServer.Options.builder(TestSupport.SECRET).build())) {
            DevServerServlet servlet = new DevServerServlet(core);
            // POST create, everything in the form body, empty query (sorted reconstruction)
            String form = "name=Servlet+Meeting&meetingID=servlet-1";
            String cs = TestSupport.hash("sha1", "create" + "meetingID=servlet-1&name=Servlet+Meeting" + TestSupport.SECRET);
            Captured c = new Captured();
            servlet.service(request("POST", "/app/devbbb/bigbluebutton/api/create", null,
                    "application/x-www-form-urlencoded", (form + "&checksum=" + cs).getBytes(StandardCharsets.UTF_8)), response(c));
            assertThat(c.status).isEqualTo(200);
            assertThat(c.body.toString(StandardCharsets.UTF_8)).contains("<returncode>SUCCESS</returncode>");

            // raw query with %27 is hashed as sent
            String q = "meetingID=servlet-1&fullName=O%27Brien&role=viewer";
            c = new Captured();
            servlet.service(request("GET", "/app/devbbb/bigbluebutton/api/join", TestSupport.sign("join", q, "sha256"), null,
                    new byte[0]), response(c));
            assertThat(c.status).isEqualTo(302);
            String location = c.headers.get("Location");
            assertThat(location).startsWith("http://localhost:8080/app/devbbb/client/join?sessionToken=");

            // client page through the servlet
            c = new Captured();
            servlet.service(request("GET", "/app/devbbb/client/join", location.substring(location.indexOf('?') + 1), null,
                    new byte[0]), response(c));
            assertThat(c.body.toString(StandardCharsets.UTF_8)).contains("O&#39;Brien").contains("dev-participants");

            // fault "reset" in servlet mode: truncated body, then an IOException aborts the response
            core.handle(new DevRequest("POST", "/control/fail", "mode=reset&count=1",
                    Map.of("X-Devserver-Secret", TestSupport.SECRET), null, null, null));
            Captured r = new Captured();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> servlet.service(request("GET",
                    "/app/devbbb/bigbluebutton/api/getMeetings", TestSupport.sign("getMeetings", "", "sha1"), null,
                    new byte[0]), response(r))).isInstanceOf(java.io.IOException.class);
        }
    }
}
