import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Benchmark of the videoconference tool of the app (see README.md next to this file). Single-file program for the
 * JDK's source launcher: starts the app jar on a free loopback port against a dedicated PostgreSQL database, seeds
 * students, measures, prints a report, stops the app and exits. Every loop is bounded in count and time.
 */
public class VideoconferenceBench {

    // ---- options -------------------------------------------------------------------------------------------
    static String jar = "app/target/aula.jar";
    static String appJava = ProcessHandle.current().info().command().orElse("java");
    static String appJvmFlags = "-Xmx256m";
    static String db = "aula_bench";
    static String course = "DEMO101";
    static int students = 1000;
    static int renders = 500;
    static int renderConcurrency = 10;
    static int concurrency = 50;
    static int rounds = 3;
    static int idleSeconds = 15;
    static int sseHoldSeconds = 30;
    static int sseOpenHoldSeconds = 15;
    static String trivialPath = "/profile";
    static int maxMinutes = 20;
    static String appLog = "/tmp/aula-bench-app.log";

    static final String DEMO_KEY = "demo-only-key-not-for-production"; // application-demo.yml, public by design
    /** BCrypt cost 4 hash of "demo" (the demo accounts use cost 10): logging 1,000 students in is set-up, not measured. */
    static final String BENCH_HASH = "$2a$04$/oSD6GuL3pG/JqN0zegCMOTVzLxFxdOyYzVYjzpWKWpCcw3yCkbtW";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern COUNTER = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\\d+)");

    static String base;
    static String devSecret;
    static Process app;
    static final ExecutorService VT = Executors.newVirtualThreadPerTaskExecutor();
    static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(VT).build();

    public static void main(String[] args) throws Exception {
        parse(args);
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofMinutes(maxMinutes));
                System.out.println("WATCHDOG: run exceeded " + maxMinutes + " min, stopping");
                stopApp();
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(VideoconferenceBench::stopApp));
        int rc = 1;
        try {
            rc = run();
        } finally {
            stopApp();
            watchdog.interrupt();
        }
        System.exit(rc);
    }

    static int run() throws Exception {
        boolean ok = true;
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        String commit = System.getenv().getOrDefault("BENCH_COMMIT_MEASURED", "?");
        out("# Aula videoconference benchmark");
        out("date " + Instant.now() + ", cores " + Runtime.getRuntime().availableProcessors() + ", load "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        out("jar " + jar + " (commit " + commit + "), app java " + appJava);
        out("db: PostgreSQL 127.0.0.1:5432 database " + db + " (dropped and re-created)");

        psql("postgres", "drop database if exists " + db + " with (force)");
        psql("postgres", "create database " + db);

        List<String> cmd = new ArrayList<>();
        cmd.add(appJava);
        if (!appJvmFlags.isBlank()) {
            cmd.addAll(Arrays.asList(appJvmFlags.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar, "--spring.profiles.active=demo", "--server.port=" + port,
                "--server.address=127.0.0.1", "--aula.base-url=" + base,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + db,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--logging.level.root=WARN"));
        out("app command: " + String.join(" ", cmd));
        long t0 = System.nanoTime();
        app = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Path.of(appLog).toFile()).start();
        waitHealthy(Duration.ofSeconds(240));
        out(String.format("app pid %d up in %.1f s (log %s)", app.pid(), secs(System.nanoTime() - t0), appLog));

        // ---- seed students -------------------------------------------------------------------------------------
        psql(db, "insert into app_user (username, password_hash, full_name) "
                + "select 'bench' || lpad(g::text, 4, '0'), '" + BENCH_HASH + "', "
                + "'Bench Student ' || g from generate_series(1, " + students + ") g");
        psql(db, "insert into course_member (course_id, user_id, role) select c.id, u.id, 'STUDENT' "
                + "from course c cross join app_user u where c.code = '" + course + "' and u.username like 'bench%'");
        String enrolled = psql(db, "select count(*) from course_member m join course c on c.id = m.course_id "
                + "where c.code = '" + course + "' and m.role = 'STUDENT'").trim();
        out("seeded " + students + " students by SQL (password 'demo', BCrypt cost 4); "
                + course + " has " + enrolled + " students");
        devSecret = decrypt(psql(db, "select value from platform_setting where name = 'videoconference.secret'").trim());

        // ---- log everyone in -----------------------------------------------------------------------------------
        long tl = System.nanoTime();
        User teacher = User.login("teacher", base);
        List<User> users = new ArrayList<>();
        for (int i = 1; i <= students; i++) {
            users.add(new User(String.format("bench%04d", i)));
        }
        int[] loginErrors = {0};
        parallel(users.size(), 16, Duration.ofMinutes(6), i -> {
            try {
                users.get(i).doLogin(base);
                return true;
            } catch (Exception e) {
                synchronized (loginErrors) {
                    if (loginErrors[0]++ < 3) {
                        out("login error " + users.get(i).name + ": " + e);
                    }
                }
                return false;
            }
        });
        out(String.format("logged in %d students + teacher in %.1f s (16 concurrent logins; "
                + "not part of any measurement), login errors %d", users.size(), secs(System.nanoTime() - tl),
                loginErrors[0]));
        if (loginErrors[0] > 0) {
            return 2;
        }
        String tool = "/courses/" + course + "/videoconference";
        // CSRF token of every session from the tool page (also the first render of every session)
        AtomicInteger noToken = new AtomicInteger();
        parallel(users.size(), 20, Duration.ofMinutes(3), i -> {
            boolean got = users.get(i).fetchCsrf(base + tool);
            if (!got) {
                noToken.incrementAndGet();
            }
            return got;
        });
        if (!teacher.fetchCsrf(base + tool) || noToken.get() > 0 || users.stream().anyMatch(u -> u.csrf == null)) {
            out("SET-UP FAILED: the tool page did not render for " + noToken.get() + " students (or the teacher); "
                    + "see " + appLog);
            return 2;
        }

        // ---- warm-up (closed room): renders and trivial pages ----------------------------------------------------
        Stats w1 = load("warm-up render", users, 2000, concurrency, 45, u -> u.get(base + tool, "data-events"));
        Stats w2 = load("warm-up trivial", users, 2000, concurrency, 45, u -> u.get(base + trivialPath, "/logout"));
        out(String.format("warm-up (max 45 s each): %d renders (%d failed), %d trivial pages (%d failed)", w1.n,
                w1.errors - (2000 - w1.n), w2.n, w2.errors - (2000 - w2.n)));

        // ---- 1. renders make no BBB call ---------------------------------------------------------------------------
        out("\n## 1. Tool page renders vs BBB calls (counters of the built-in devserver, control API)");
        ok &= renderPhase("closed", users, teacher, tool);
        Resp started = teacher.post(base + tool + "/start");
        out("teacher start: HTTP " + started.status + " -> " + abbreviate(started.location));
        if (started.status != 302 || started.location == null || !started.location.contains("/devbbb/")) {
            out("START FAILED");
            return 2;
        }
        ok &= renderPhase("open", users, teacher, tool);

        // ---- 2. join storm vs trivial page ------------------------------------------------------------------------
        out("\n## 2. Join storm: " + students + " distinct students, " + concurrency + " concurrent clients, "
                + "room open; trivial page GET " + trivialPath + " by the same sessions in the same run");
        Stats wj = load("warm-up join", users, users.size(), concurrency, 60, u -> u.join(base + tool));
        out(String.format("warm-up round (not counted): joins %d errors %d; sample Location %s", wj.n, wj.errors,
                abbreviate(wj.sample)));
        List<Stats> trivial = new ArrayList<>();
        List<Stats> joins = new ArrayList<>();
        Map<String, Long> joinCalls = new TreeMap<>();
        long joinNanos = 0;
        for (int r = 1; r <= rounds; r++) {
            Stats t = load("trivial", users, users.size(), concurrency, u -> u.get(base + trivialPath, "/logout"));
            Map<String, Long> before = counters();
            Stats j = load("join", users, users.size(), concurrency, u -> u.join(base + tool));
            Map<String, Long> after = counters();
            Map<String, Long> d = diff(before, after);
            d.forEach((k, v) -> joinCalls.merge(k, v, Long::sum));
            joinNanos += j.wallNanos;
            trivial.add(t);
            joins.add(j);
            out(String.format("round %d  trivial: %s", r, t.line()));
            out(String.format("round %d  join   : %s  BBB calls during round: %s", r, j.line(), d));
        }
        long totalJoins = joins.stream().mapToLong(s -> s.n).sum();
        long joinErrors = joins.stream().mapToLong(s -> s.errors).sum();
        long bbbCalls = joinCalls.values().stream().mapToLong(Long::longValue).sum();
        Stats allJ = Stats.merge(joins);
        Stats allT = Stats.merge(trivial);
        out(String.format("ALL join   : %s", allJ.line()));
        out(String.format("ALL trivial: %s", allT.line()));
        out(String.format("join/trivial throughput ratio %.2f; BBB calls during %d joins: %d (%s) = %.2f per 100 joins; "
                + "refresher share expected ≈ %.1f (one getMeetingInfo per 5 s over %.1f s of join rounds)",
                allJ.rate() / allT.rate(), totalJoins, bbbCalls, joinCalls, 100.0 * bbbCalls / totalJoins,
                secs(joinNanos) / 5, secs(joinNanos)));
        double p99ms = allJ.pct(0.99) / 1e6;
        boolean joinOk = joinErrors == 0 && bbbCalls * 100 <= totalJoins && p99ms < 100;
        out(String.format("targets: errors 0 [%s], ≤1 BBB call/100 joins [%s], p99 < 100 ms [%s], "
                + "≥ 760 joins/s (20x Moodle 4.5's 38/s) [%s: %.0f/s = %.1fx]",
                joinErrors == 0 ? "met" : "MISSED", bbbCalls * 100 <= totalJoins ? "met" : "MISSED",
                p99ms < 100 ? "met" : "MISSED", allJ.rate() >= 760 ? "met" : "MISSED", allJ.rate(), allJ.rate() / 38));
        ok &= joinOk;

        // ---- 3. waiting room (SSE) ---------------------------------------------------------------------------------
        out("\n## 3. Waiting room: " + students + " SSE connections");
        Resp ended = teacher.post(base + tool + "/end");
        out("teacher end: HTTP " + ended.status + " -> " + ended.location);
        Thread.sleep(1000);
        ok &= ssePhase(users, teacher, tool);

        // ---- 4. memory -----------------------------------------------------------------------------------------------
        out("\n## 4. App memory");
        String status = Files.readString(Path.of("/proc/" + app.pid() + "/status"));
        long rssKb = kb(status, "VmRSS");
        long hwmKb = kb(status, "VmHWM");
        out(String.format("VmRSS %d MB (peak VmHWM %d MB), JVM flags: %s  [target < 512 MB: %s]", rssKb / 1024,
                hwmKb / 1024, appJvmFlags.isBlank() ? "(none: JVM defaults)" : appJvmFlags,
                rssKb < 512 * 1024 ? "met" : "MISSED"));
        ok &= rssKb < 512 * 1024;
        out("\nload at end " + Files.readString(Path.of("/proc/loadavg")).trim());
        out(ok ? "RESULT: all targets met" : "RESULT: at least one target MISSED (see above)");
        return ok ? 0 : 1;
    }

    // ---- phases ------------------------------------------------------------------------------------------------

    static boolean renderPhase(String label, List<User> users, User teacher, String tool) throws Exception {
        Map<String, Long> c0 = counters();
        long i0 = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(idleSeconds));
        Map<String, Long> c1 = counters();
        long idle = System.nanoTime() - i0;
        Stats s = load("render student", users, renders, renderConcurrency, u -> u.get(base + tool, "data-events"));
        Stats t = load("render teacher", List.of(teacher), renders, renderConcurrency,
                u -> u.get(base + tool, "data-events"));
        Map<String, Long> c2 = counters();
        long busy = System.nanoTime() - i0 - idle;
        Map<String, Long> dIdle = diff(c0, c1);
        Map<String, Long> dBusy = diff(c1, c2);
        long nIdle = sum(dIdle);
        long nBusy = sum(dBusy);
        long info = dBusy.getOrDefault("getMeetingInfo", 0L);
        long other = nBusy - info;
        // with the room open the refresher asks getMeetingInfo once per 5 s: allow one per started 5 s (+1)
        long allowedInfo = label.equals("open") ? (long) Math.ceil(secs(busy) / 5) + 1 : 0;
        boolean ok = s.errors == 0 && t.errors == 0 && other == 0 && info <= allowedInfo;
        out(String.format("room %s: idle %.1f s: %d BBB calls (%.2f/s) %s | %d student + %d teacher renders in %.1f s"
                        + " (%.0f + %.0f renders/s, p99 %.1f / %.1f ms, errors %d): %d BBB calls (%.2f/s) %s "
                        + "-> calls attributable to renders: %d (refresher allowance %d) [%s]",
                label, secs(idle), nIdle, nIdle / secs(idle), dIdle, s.n, t.n, secs(busy), s.rate(), t.rate(),
                s.pct(0.99) / 1e6, t.pct(0.99) / 1e6, s.errors + t.errors, nBusy, nBusy / secs(busy), dBusy,
                Math.max(0, other + info - allowedInfo), allowedInfo, ok ? "0 BBB calls per render: met" : "MISSED"));
        return ok;
    }

    static boolean ssePhase(List<User> users, User teacher, String tool) throws Exception {
        int n = users.size();
        long[] openAt = new long[n];
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger closedSeen = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger openSeen = new AtomicInteger();
        CountDownLatch allOpen = new CountDownLatch(n);
        List<InputStream> streams = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService sse = Executors.newVirtualThreadPerTaskExecutor();
        long tc = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int idx = i;
            User u = users.get(i);
            sse.execute(() -> {
                try {
                    HttpResponse<InputStream> r = u.client.send(HttpRequest.newBuilder(URI.create(base + tool + "/events"))
                            .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 200) {
                        failed.incrementAndGet();
                        failures.add("HTTP " + r.statusCode());
                        r.body().close();
                        return;
                    }
                    synchronized (streams) {
                        streams.add(r.body());
                    }
                    connected.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("event:") && line.contains("room-closed")) {
                            closedSeen.incrementAndGet();
                        } else if (line.startsWith("event:") && line.contains("room-open")) {
                            if (openAt[idx] == 0) {
                                openAt[idx] = System.nanoTime();
                                openSeen.incrementAndGet();
                                allOpen.countDown();
                            }
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    failures.add(e.toString());
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (closedSeen.get() + failed.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        out(String.format("%d SSE streams connected in %.1f s (initial room-closed event received by %d, failed %d%s)",
                connected.get(), secs(System.nanoTime() - tc), closedSeen.get(), failed.get(),
                failures.isEmpty() ? "" : ", e.g. " + failures.peek()));
        Map<String, Long> c0 = counters();
        long h0 = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(sseHoldSeconds));
        Map<String, Long> c1 = counters();
        double held = secs(System.nanoTime() - h0);
        long closedCalls = sum(diff(c0, c1));
        out(String.format("room closed, %d streams held %.1f s: %d BBB calls %s", connected.get(), held, closedCalls,
                diff(c0, c1)));
        long start = System.nanoTime();
        Resp started = teacher.post(base + tool + "/start");
        long startReturned = System.nanoTime();
        allOpen.await(15, TimeUnit.SECONDS);
        long[] lat = new long[openSeen.get()];
        int k = 0;
        for (long t : openAt) {
            if (t != 0 && k < lat.length) {
                lat[k++] = t - start;
            }
        }
        lat = Arrays.copyOf(lat, k);
        Arrays.sort(lat);
        long within2 = Arrays.stream(lat).filter(l -> l <= 2_000_000_000L).count();
        out(String.format("teacher start HTTP %d (answered after %.0f ms); room-open push received by %d/%d within 15 s, "
                        + "%d within 2 s; latency from sending start: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms",
                started.status, (startReturned - start) / 1e6, lat.length, n, within2, pct(lat, 0.5) / 1e6,
                pct(lat, 0.9) / 1e6, pct(lat, 0.99) / 1e6, lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6));
        Map<String, Long> c2 = counters();
        long o0 = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(sseOpenHoldSeconds));
        Map<String, Long> c3 = counters();
        double openHeld = secs(System.nanoTime() - o0);
        Map<String, Long> dOpen = diff(c2, c3);
        long openCalls = sum(dOpen);
        out(String.format("room open, %d streams still held %.1f s: %d BBB calls %s (= %.2f per 5 s; start itself: %s)",
                connected.get() - 0, openHeld, openCalls, dOpen, openCalls / openHeld * 5, diff(c1, c2)));
        int failedWhileHeld = failed.get();
        boolean ok = failedWhileHeld == 0 && closedCalls == 0 && within2 == n
                && openCalls <= Math.ceil(openHeld / 5) + 1;
        out(String.format("targets: ≤ 1 BBB call per room per 5 s [%s], all %d receive room-open within 2 s [%s]"
                        + " (streams failed while held: %d)",
                closedCalls == 0 && openCalls <= Math.ceil(openHeld / 5) + 1 ? "met" : "MISSED", n,
                within2 == n && failedWhileHeld == 0 ? "met" : "MISSED", failedWhileHeld));
        synchronized (streams) {
            for (InputStream s : streams) {
                try {
                    s.close();
                } catch (IOException ignored) {
                }
            }
        }
        sse.shutdownNow();
        return ok;
    }

    // ---- load generation -----------------------------------------------------------------------------------------

    /** Result of one request: ok or not, plus a Location for the sample. */
    record Result(boolean ok, String detail) {
    }

    static final class Stats {
        final String name;
        long[] lat;
        int n;
        int errors;
        long wallNanos;
        String sample;
        String firstError;

        Stats(String name) {
            this.name = name;
        }

        double rate() {
            return n / secs(wallNanos);
        }

        double pct(double q) {
            return VideoconferenceBench.pct(lat, q);
        }

        String line() {
            return String.format("%d req in %.2f s = %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, "
                            + "errors %d%s", n, secs(wallNanos), rate(), pct(0.5) / 1e6, pct(0.9) / 1e6,
                    pct(0.99) / 1e6, lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, errors,
                    firstError == null ? "" : " (first: " + firstError + ")");
        }

        static Stats merge(List<Stats> all) {
            Stats m = new Stats(all.get(0).name);
            m.lat = all.stream().flatMapToLong(s -> Arrays.stream(s.lat)).sorted().toArray();
            m.n = all.stream().mapToInt(s -> s.n).sum();
            m.errors = all.stream().mapToInt(s -> s.errors).sum();
            m.wallNanos = all.stream().mapToLong(s -> s.wallNanos).sum();
            return m;
        }
    }

    /**
     * {@code total} requests by {@code conc} clients; request i is made by user i % users.size() (distinct users when
     * total ≤ users). Bounded by 120 s.
     */
    static Stats load(String name, List<User> users, int total, int conc, Function<User, Result> action)
            throws InterruptedException {
        return load(name, users, total, conc, 120, action);
    }

    static Stats load(String name, List<User> users, int total, int conc, int maxSeconds,
                      Function<User, Result> action) throws InterruptedException {
        Stats st = new Stats(name);
        AtomicInteger next = new AtomicInteger();
        AtomicLongArray lat = new AtomicLongArray(total);
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> details = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errorDetails = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        CountDownLatch done = new CountDownLatch(conc);
        long t0 = System.nanoTime();
        for (int c = 0; c < conc; c++) {
            VT.execute(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                        User u = users.get(i % users.size());
                        long s = System.nanoTime();
                        Result r;
                        try {
                            r = action.apply(u);
                        } catch (RuntimeException e) {
                            r = new Result(false, e.toString());
                        }
                        lat.set(i, System.nanoTime() - s);
                        if (!r.ok) {
                            errors.incrementAndGet();
                            if (errorDetails.size() < 3) {
                                errorDetails.add(r.detail);
                            }
                        } else if (details.isEmpty() && r.detail != null) {
                            details.add(r.detail);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(maxSeconds + 40, TimeUnit.SECONDS);
        st.wallNanos = System.nanoTime() - t0;
        long[] l = new long[total];
        int k = 0;
        for (int i = 0; i < total; i++) {
            if (lat.get(i) > 0) {
                l[k++] = lat.get(i);
            }
        }
        st.lat = Arrays.copyOf(l, k);
        Arrays.sort(st.lat);
        st.n = k;
        st.errors = errors.get() + (total - k);
        st.sample = details.peek();
        st.firstError = errorDetails.peek();
        return st;
    }

    static void parallel(int n, int conc, Duration max, Function<Integer, Boolean> task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + max.toNanos();
        CountDownLatch done = new CountDownLatch(conc);
        for (int c = 0; c < conc; c++) {
            VT.execute(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < n && System.nanoTime() < deadline) {
                        task.apply(i);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(max.toSeconds() + 10, TimeUnit.SECONDS);
    }

    // ---- a simulated user: own HttpClient with its own CookieManager (own session) -------------------------------

    record Resp(int status, String body, String location) {
    }

    static final AtomicInteger NO_TOKEN_LOGGED = new AtomicInteger();

    static final class User {
        final String name;
        final HttpClient client;
        volatile String csrf;

        User(String name) {
            this.name = name;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                    .executor(VT).build();
        }

        static User login(String name, String base) throws Exception {
            User u = new User(name);
            u.doLogin(base);
            return u;
        }

        void doLogin(String base) throws Exception {
            Resp page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
            Matcher m = CSRF_INPUT.matcher(page.body);
            if (page.status != 200 || !m.find()) {
                throw new IllegalStateException("login page HTTP " + page.status + " without _csrf");
            }
            Resp r = send(form(base + "/login", Map.of("username", name, "password", "demo", "_csrf", m.group(1))));
            if (r.status != 302 || r.location == null || r.location.contains("error")) {
                throw new IllegalStateException("login of " + name + " failed: HTTP " + r.status + " " + r.location);
            }
        }

        boolean fetchCsrf(String url) {
            Resp r = sendQuietly(HttpRequest.newBuilder(URI.create(url)).GET());
            Matcher m = CSRF_META.matcher(r.body == null ? "" : r.body);
            if (r.status == 200 && m.find()) {
                csrf = m.group(1);
                return true;
            }
            if (NO_TOKEN_LOGGED.getAndIncrement() < 3) {
                out("no CSRF token for " + name + ": HTTP " + r.status);
            }
            return false;
        }

        Result get(String url, String mustContain) {
            Resp r = sendQuietly(HttpRequest.newBuilder(URI.create(url)).GET());
            boolean ok = r.status == 200 && r.body.contains(mustContain);
            return new Result(ok, ok ? null : name + " HTTP " + r.status + " " + abbreviate(r.location));
        }

        Result join(String url) {
            Resp r = sendQuietly(form(url + "/join", Map.of("_csrf", csrf)));
            boolean ok = r.status == 302 && r.location != null && r.location.contains("/devbbb/")
                    && r.location.contains("join");
            return new Result(ok, name + " HTTP " + r.status + " -> " + abbreviate(r.location));
        }

        Resp post(String url) {
            return sendQuietly(form(url, Map.of("_csrf", csrf)));
        }

        Resp send(HttpRequest.Builder b) throws IOException, InterruptedException {
            HttpResponse<String> r = client.send(b.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        }

        Resp sendQuietly(HttpRequest.Builder b) {
            try {
                return send(b);
            } catch (IOException e) {
                return new Resp(-1, "", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Resp(-1, "", "interrupted");
            }
        }
    }

    static HttpRequest.Builder form(String url, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(sb.toString()));
    }

    // ---- devserver control API, app, database ---------------------------------------------------------------------

    static Map<String, Long> counters() throws IOException, InterruptedException {
        HttpResponse<String> r = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/devbbb/control/counters"))
                .header("X-Devserver-Secret", devSecret).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("control API counters: HTTP " + r.statusCode());
        }
        Map<String, Long> m = new TreeMap<>();
        Matcher x = COUNTER.matcher(r.body());
        while (x.find()) {
            m.put(x.group(1), Long.parseLong(x.group(2)));
        }
        return m;
    }

    /** Calls answered between two snapshots, zero entries left out. */
    static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            long delta = v - before.getOrDefault(k, 0L);
            if (delta != 0) {
                d.put(k, delta);
            }
        });
        return d;
    }

    static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The devserver secret the demo set-up stored (AES-GCM under the public demo key, see SecretBox). */
    static String decrypt(String stored) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256")
                .digest(("aula-master|" + DEMO_KEY).getBytes(StandardCharsets.UTF_8));
        byte[] in = Base64.getDecoder().decode(stored.substring("v1:".length()));
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
        c.updateAAD("videoconference.secret".getBytes(StandardCharsets.UTF_8));
        return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    }

    static void waitHealthy(Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("app exited with " + app.exitValue() + ", see " + appLog);
            }
            try {
                HttpResponse<String> r = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("app not healthy within " + max + ", see " + appLog);
    }

    static synchronized void stopApp() {
        if (app != null && app.isAlive()) {
            app.destroy();
            try {
                if (!app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            } catch (InterruptedException e) {
                app.destroyForcibly();
            }
        }
    }

    static String psql(String database, String sql) throws Exception {
        return sh(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
                "-qAt", "-c", sql), Path.of("."));
    }

    static String sh(List<String> cmd, Path dir) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + output);
        }
        return output;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static long kb(String status, String field) {
        Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double secs(long nanos) {
        return nanos / 1e9;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q) + "?…";
    }

    static void out(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--jar" -> jar = args[++i];
                case "--app-java" -> appJava = args[++i];
                case "--app-jvm-flags" -> appJvmFlags = args[++i];
                case "--db" -> db = args[++i];
                case "--students" -> students = Integer.parseInt(args[++i]);
                case "--renders" -> renders = Integer.parseInt(args[++i]);
                case "--render-concurrency" -> renderConcurrency = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(args[++i]);
                case "--sse-hold-seconds" -> sseHoldSeconds = Integer.parseInt(args[++i]);
                case "--sse-open-hold-seconds" -> sseOpenHoldSeconds = Integer.parseInt(args[++i]);
                case "--trivial-path" -> trivialPath = args[++i];
                case "--max-minutes" -> maxMinutes = Integer.parseInt(args[++i]);
                case "--app-log" -> appLog = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + a + " (see README.md)");
            }
            if (v == null) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
        }
        if (!db.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--db: lower-case letters, digits and _ only");
        }
    }
}
