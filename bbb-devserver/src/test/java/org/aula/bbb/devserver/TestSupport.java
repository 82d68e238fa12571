package org.aula.bbb.devserver;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Test helpers: own checksum implementation (independent of the server's), HTTP calls, XML access. */
final class TestSupport {
    static final String SECRET = "test-secret-0123456789";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestSupport() {
    }

    static DevServerMain start(DevServer.Options.Builder b) throws Exception {
        return DevServerMain.start("127.0.0.1", 0, b.build());
    }

    static DevServer.Options.Builder opts() {
        // real-time meeting timers (5 min no-join expiry) so a loaded CI machine cannot expire meetings mid-test;
        // LifecycleTest scales time itself
        return DevServer.Options.builder(SECRET).timeScale(1).recordingProcessingDelay(Duration.ofMillis(200))
                .heartbeatTimeout(Duration.ofSeconds(60)).endDelay(Duration.ofMillis(100));
    }

    static String hash(String alg, String data) {
        try {
            String jca = switch (alg) {
                case "sha1" -> "SHA-1";
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                default -> "SHA-512";
            };
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String call, String query, String alg) {
        String cs = hash(alg, call + query + SECRET);
        return query.isEmpty() ? "checksum=" + cs : query + "&checksum=" + cs;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static final class Api {
        final String base;

        Api(DevServerMain server) {
            this.base = server.baseUrl();
        }

        HttpResponse<String> raw(String pathAndQuery) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> call(String call, String query) throws Exception {
            return call(call, query, "sha256");
        }

        HttpResponse<String> call(String call, String query, String alg) throws Exception {
            return raw("/bigbluebutton/api/" + call + "?" + sign(call, query, alg));
        }

        Document xml(String call, String query) throws Exception {
            HttpResponse<String> r = call(call, query);
            if (r.statusCode() != 200) {
                throw new AssertionError("HTTP " + r.statusCode() + " for " + call + ": " + r.body());
            }
            return parse(r.body());
        }

        HttpResponse<String> control(String method, String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/control/" + path))
                    .header("X-Devserver-Secret", SECRET)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Opens the client page's heartbeat for a join redirect location (connects the user). */
        String heartbeat(String location) throws Exception {
            String token = location.substring(location.indexOf("sessionToken=") + 13);
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/client/api/heartbeat?sessionToken=" + token))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        String clientCall(String location, String op) throws Exception {
            String token = location.substring(location.indexOf("sessionToken=") + 13);
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/client/api/" + op + "?sessionToken=" + token))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        String create(String meetingID, String extra) throws Exception {
            Document d = xml("create", "name=" + enc("Meeting " + meetingID) + "&meetingID=" + enc(meetingID) + extra);
            if (!"SUCCESS".equals(text(d, "returncode"))) {
                throw new AssertionError("create failed: " + text(d, "messageKey"));
            }
            return text(d, "internalMeetingID");
        }

        /** join (redirect) and connect via the client page heartbeat; returns the redirect location. */
        String joinAndConnect(String meetingID, String name, String role) throws Exception {
            HttpResponse<String> r = call("join", "meetingID=" + enc(meetingID) + "&fullName=" + enc(name) + "&role=" + role);
            String loc = r.headers().firstValue("Location").orElseThrow();
            heartbeat(loc);
            return loc;
        }
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document d, String tag) {
        NodeList n = d.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    static int count(Document d, String tag) {
        return d.getElementsByTagName(tag).getLength();
    }

    static void waitUntil(String what, java.util.concurrent.Callable<Boolean> cond, long timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (Boolean.TRUE.equals(cond.call())) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
