package org.aula.bbb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server that behaves like bbb-web where it matters for a client: it verifies the
 * checksum over the RAW query string it received (reference §2.2, computed here independently of
 * {@link Checksum}) and answers FAILED checksumError when it does not match. What it answers
 * otherwise is up to each test.
 */
final class StubBbbServer implements AutoCloseable {

    /** One request as received; {@code params} are decoded, in wire order, without checksum. */
    record Received(String method, String call, String rawQuery, Map<String, String> params, byte[] body,
            String contentType, boolean checksumValid, String checksumAlgorithm) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer. {@code truncateTo} >= 0 declares the full length but sends only that many bytes. */
    record Reply(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis,
            int truncateTo) {

        static Reply xml(String xml) {
            return new Reply(200, "text/xml;charset=utf-8", xml.getBytes(StandardCharsets.UTF_8), Map.of(), 0, -1);
        }

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), 0, -1);
        }

        Reply delayed(long millis) {
            return new Reply(status, contentType, body, headers, millis, truncateTo);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h, delayMillis, truncateTo);
        }

        Reply truncatedTo(int bytes) {
            return new Reply(status, contentType, body, headers, delayMillis, bytes);
        }
    }

    static final String SUCCESS = "<response><returncode>SUCCESS</returncode></response>";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> responder = r -> Reply.xml(SUCCESS);

    private StubBbbServer(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static StubBbbServer start(String secret) {
        try {
            return new StubBbbServer(secret);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As an administrator would type it: host and port only. */
    String serverUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void respond(Function<Received, Reply> responder) {
        this.responder = responder;
    }

    void respondXml(String xml) {
        respond(r -> Reply.xml(xml));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the stub server received no request");
        }
        return received.getLast();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String rawQuery = ex.getRequestURI().getRawQuery();
            byte[] body = ex.getRequestBody().readAllBytes();
            String prefix = "/bigbluebutton/api";
            String call = path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1)
                    : path.equals(prefix) ? "" : "?" + path;
            String checksum = null;
            Map<String, String> params = new LinkedHashMap<>();
            List<String> checksums = new ArrayList<>();
            if (rawQuery != null && !rawQuery.isEmpty()) {
                for (String pair : rawQuery.split("&", -1)) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (name.equals("checksum")) {
                        checksums.add(value);
                    } else {
                        params.put(name, value);
                    }
                }
            }
            boolean valid = false;
            String algorithm = null;
            if (checksums.size() == 1) {
                checksum = checksums.getFirst();
                // bbb-web: literal removal of the checksum from the raw query, then hash.
                String q = rawQuery.replace("&checksum=" + checksum, "").replace("checksum=" + checksum + "&", "")
                        .replace("checksum=" + checksum, "");
                algorithm = switch (checksum.length()) {
                    case 40 -> "SHA-1";
                    case 64 -> "SHA-256";
                    case 96 -> "SHA-384";
                    case 128 -> "SHA-512";
                    default -> null;
                };
                if (algorithm != null) {
                    valid = hex(algorithm, call + q + secret).equalsIgnoreCase(checksum);
                }
            }
            Received r = new Received(ex.getRequestMethod(), call, rawQuery, params, body,
                    ex.getRequestHeaders().getFirst("Content-Type"), valid, algorithm);
            received.add(r);
            Reply reply;
            if (!call.isEmpty() && !valid) {
                reply = Reply.xml("<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey>"
                        + "<message>Checksums do not match</message></response>");
            } else {
                reply = responder.apply(r);
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                OutputStream out = ex.getResponseBody();
                try {
                    if (reply.truncateTo() >= 0) {
                        // Fewer bytes than Content-Length: closing the exchange then drops the
                        // connection mid-body, as a crashing proxy would.
                        out.write(reply.body(), 0, reply.truncateTo());
                        out.flush();
                    } else {
                        out.write(reply.body());
                    }
                } catch (IOException e) {
                    // client gone or truncation simulated; the exchange is closed below
                }
            }
        }
    }

    static String hex(String algorithm, String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
