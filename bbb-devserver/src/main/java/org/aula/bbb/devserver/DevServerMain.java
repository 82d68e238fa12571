package org.aula.bbb.devserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Standalone adapter: JDK HttpServer with a virtual-thread executor.
 * <pre>java -jar bbb-devserver.jar --port 8090 --secret S [--algorithms sha1,sha256] [--public-url URL]
 *     [--time-scale 60] [--recording-delay-ms 5000] [--join-connects-user] [--bind 127.0.0.1]</pre>
 * The secret may also come from the environment variable {@code BBB_DEVSERVER_SECRET}.
 */
public final class DevServerMain implements AutoCloseable {
    private final DevServer core;
    private final HttpServer http;
    private final ExecutorService executor;

    private DevServerMain(DevServer core, HttpServer http, ExecutorService executor) {
        this.core = core;
        this.http = http;
        this.executor = executor;
    }

    /** Starts a standalone server; port 0 picks a free port. */
    public static DevServerMain start(String bindAddress, int port, DevServer.Options options) throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle + delayed ACKs add
        // ~40 ms to many keep-alive answers. Read once by sun.net.httpserver.ServerConfig, so set it early.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(bindAddress, port), 1024);
        int actualPort = http.getAddress().getPort();
        DevServer.Options opts = options;
        if (opts.publicBaseUrl() == null) {
            String host = bindAddress.equals("0.0.0.0") ? "localhost" : bindAddress;
            opts = new DevServer.Options(opts.secret(), opts.allowEmptySecret(), opts.algorithms(),
                    "http://" + host + ":" + actualPort, opts.timeScale(), opts.recordingProcessingDelay(),
                    opts.joinConnectsUser(), opts.heartbeatTimeout(), opts.endDelay(), opts.maxBodyBytes(), opts.bbbVersion());
        }
        DevServer core = new DevServer(opts);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", ex -> exchange(core, ex));
        http.start();
        return new DevServerMain(core, http, executor);
    }

    public DevServer core() {
        return core;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String baseUrl() {
        return core.options().publicBaseUrl();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        core.close();
    }

    private static void exchange(DevServer core, HttpExchange ex) throws IOException {
        try (ex) {
            int max = core.options().maxBodyBytes();
            byte[] body = new byte[0];
            String cl = ex.getRequestHeaders().getFirst("Content-Length");
            boolean chunked = ex.getRequestHeaders().getFirst("Transfer-Encoding") != null;
            if (chunked || (cl != null && !cl.equals("0"))) {
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readNBytes(max + 1);
                }
            }
            Map<String, String> headers = new HashMap<>();
            for (Map.Entry<String, List<String>> e : ex.getRequestHeaders().entrySet()) {
                if (!e.getValue().isEmpty()) {
                    headers.put(e.getKey(), e.getValue().get(0));
                }
            }
            DevRequest req = new DevRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), headers, body,
                    ex.getRemoteAddress() == null ? null : ex.getRemoteAddress().getAddress().getHostAddress(), null);
            DevResponse res = core.handle(req);
            if (res.abort()) {
                return; // closing without response headers drops the connection (simulated reset)
            }
            res.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            boolean head = ex.getRequestMethod().equals("HEAD");
            if (head || res.status() == 302 || res.body().length == 0) {
                ex.sendResponseHeaders(res.status(), -1);
            } else {
                ex.sendResponseHeaders(res.status(), res.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(res.body());
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 8090;
        String secret = System.getenv("BBB_DEVSERVER_SECRET");
        String algorithms = null;
        String publicUrl = null;
        String bind = "0.0.0.0";
        double timeScale = 1;
        long recordingDelayMs = 5000;
        boolean joinConnects = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--secret" -> secret = args[++i];
                case "--algorithms" -> algorithms = args[++i];
                case "--public-url" -> publicUrl = args[++i];
                case "--bind" -> bind = args[++i];
                case "--time-scale" -> timeScale = Double.parseDouble(args[++i]);
                case "--recording-delay-ms" -> recordingDelayMs = Long.parseLong(args[++i]);
                case "--join-connects-user" -> joinConnects = true;
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar bbb-devserver.jar --port 8090 --secret S [--algorithms sha1,sha256,sha384,sha512]"
                            + " [--public-url http://localhost:8090] [--time-scale 60] [--recording-delay-ms 5000]"
                            + " [--join-connects-user] [--bind 0.0.0.0]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + a + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (secret == null || secret.isEmpty()) {
            System.err.println("a shared secret is required: --secret S (or BBB_DEVSERVER_SECRET)");
            System.exit(2);
        }
        DevServer.Options.Builder b = DevServer.Options.builder(secret).publicBaseUrl(publicUrl).timeScale(timeScale)
                .recordingProcessingDelay(Duration.ofMillis(recordingDelayMs)).joinConnectsUser(joinConnects);
        if (algorithms != null) {
            b.algorithms(algorithms.split(","));
        }
        DevServerMain server = start(bind, port, b.build());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("BigBlueButton devserver listening on " + bind + ":" + server.port()
                + "; API at " + server.baseUrl() + "/bigbluebutton/api (algorithms " + server.core().options().algorithms()
                + ", time scale " + timeScale + ")");
    }
}
