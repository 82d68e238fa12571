package org.aula.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The application as a separate JVM (same java binary and test classpath, main class {@code AulaApplication}), for
 * tests that must kill it ({@code kill -9}), restart it on the same database, or run several nodes side by side.
 * <p>
 * Each instance has its own port (chosen once, kept across restarts so URLs handed to BBB stay valid) and, unless
 * given one, its own fresh PostgreSQL database from {@link TestDatabase} that survives restarts. It starts in demo
 * mode (seeded accounts, password "demo") with the built-in BBB server switched off; point it at a BBB server with
 * {@link #configureBbb}. Output goes to {@code target/app-process/<name>.log}. Instances still running when the test
 * JVM exits are killed.
 * <pre>
 * try (var app = AppProcess.builder().name("node1").property("aula.x", "y").start()) {
 *     app.configureBbb(devserver.baseUrl() + "/bigbluebutton/api", secret);
 *     app.kill();      // SIGKILL
 *     app.start();     // same port, same database
 * }
 * </pre>
 */
public final class AppProcess implements AutoCloseable {

    private static final Set<AppProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(p -> p.process.destroyForcibly())));
    }

    private final String name;
    private final int port;
    private final String jdbcUrl;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private int starts;

    private AppProcess(Builder b) {
        this.name = b.name;
        this.port = b.port > 0 ? b.port : freePort();
        this.jdbcUrl = b.jdbcUrl != null ? b.jdbcUrl : TestDatabase.createDatabase();
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.log = Path.of("target", "app-process", name + ".log").toAbsolutePath();
        var props = new LinkedHashMap<String, String>();
        props.put("server.port", Integer.toString(port));
        props.put("spring.profiles.active", "demo");
        props.put("aula.devserver.enabled", "false");
        props.put("aula.base-url", "http://localhost:" + port);
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", TestDatabase.username());
        props.put("spring.datasource.password", "");
        props.put("spring.main.banner-mode", "off");
        props.putAll(b.properties);
        this.properties = props;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts (or starts again, on the same port and database) and waits until the health endpoint says UP. */
    public synchronized AppProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.aula.AulaApplication");
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            Files.createDirectories(log.getParent());
            var redirect = starts++ == 0 ? ProcessBuilder.Redirect.to(log.toFile())
                    : ProcessBuilder.Redirect.appendTo(log.toFile());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(redirect).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
        RUNNING.add(this);
        awaitReady();
        return this;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                RUNNING.remove(this);
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; "
                        + "log tail:\n" + logTail(40));
            }
            if (healthy()) {
                return;
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException(name + " did not become healthy within " + START_TIMEOUT + "; log tail:\n"
                + logTail(40));
    }

    /** Whether the health endpoint answers UP now. */
    public boolean healthy() {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Normal shutdown (SIGTERM: Spring closes its context); waits for the JVM to exit. */
    public synchronized void stop() {
        terminate(false);
    }

    /** {@code kill -9}: no shutdown hook, no graceful close; waits for the JVM to be gone. */
    public synchronized void kill() {
        terminate(true);
    }

    private void terminate(boolean forcibly) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        if (forcibly) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        RUNNING.remove(this);
    }

    /** Kills it ({@code forcibly}) or stops it, then starts it again on the same port and database. */
    public AppProcess restart(boolean forcibly) {
        terminate(forcibly);
        return start();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** For example {@code http://localhost:41234}, no trailing slash. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Path log() {
        return log;
    }

    /** A visitor signed in to this instance over HTTP (demo accounts have the password "demo"). */
    public HttpSession signIn(String username, String password) {
        return HttpSession.signIn(port, username, password);
    }

    /**
     * Points the videoconference plugin at a BBB server through the admin page, as an administrator would (stored in
     * the database, secret encrypted). Other instances on the same database pick it up within their reload interval.
     */
    public void configureBbb(String serverUrl, String secret) {
        var response = signIn("admin", "demo").post("/admin/plugins/videoconference", Map.of(
                "enabled", "true", "serverUrl", serverUrl, "secret", secret, "checksumAlgorithm", "SHA256",
                "defaultDurationMinutes", "300"));
        if (response.statusCode() != 302) {
            throw new IllegalStateException("Saving the videoconference settings answered " + response.statusCode());
        }
    }

    /** The last lines of this instance's output (for failure messages). */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static final class Builder {
        private String name = "app";
        private int port;
        private String jdbcUrl;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));

        private Builder() {
        }

        /** Names the log file; give each instance of a test its own name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A fixed port (default: a free one, chosen once). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Share a database with another instance (several nodes); default: a fresh one of its own. */
        public Builder database(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** A Spring property, passed as {@code --name=value}; overrides the defaults (profile, base URL...). */
        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        /** An extra JVM option such as {@code -Xmx512m}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Builds without starting (call {@link AppProcess#start()}). */
        public AppProcess build() {
            return new AppProcess(this);
        }

        /** Builds and starts. */
        public AppProcess start() {
            return build().start();
        }
    }
}
