// Load benchmark for bbb-devserver: starts the standalone server in this JVM (loopback only), creates meetings,
// adds simulated participants through the control API, then hammers it with signed API calls from N
// virtual-thread clients for a bounded time, and prints calls/s and latency percentiles.
//
// Run (see README.md):  java -cp bbb-devserver/target/bbb-devserver.jar bench/devserver/LoadBenchmark.java [options]
//   --meetings 200 --participants 5000 --clients 64 --warmup 5 --seconds 20 --mix info:40,running:40,join:20
//   --alg sha1|sha256|sha384|sha512 --client jdk|socket
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.aula.bbb.devserver.DevServer;
import org.aula.bbb.devserver.DevServerMain;

public class LoadBenchmark {
    static final String SECRET = "bench-secret-" + Long.toHexString(System.nanoTime());

    public static void main(String[] args) throws Exception {
        int meetings = 200, participants = 5000, clients = 64, warmup = 5, seconds = 20;
        String mix = "info:40,running:40,join:20", alg = "sha1", clientKind = "socket";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--meetings" -> meetings = Integer.parseInt(args[++i]);
                case "--participants" -> participants = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--mix" -> mix = args[++i];
                case "--alg" -> alg = args[++i];
                case "--client" -> clientKind = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String[] ops = new String[100];
        int fill = 0;
        for (String part : mix.split(",")) {
            String[] kv = part.split(":");
            for (int k = 0; k < Integer.parseInt(kv[1]) && fill < 100; k++) {
                ops[fill++] = kv[0];
            }
        }
        if (fill != 100) {
            throw new IllegalArgumentException("mix weights must add up to 100");
        }
        try (DevServerMain server = DevServerMain.start("127.0.0.1", 0, DevServer.Options.builder(SECRET).build())) {
            String base = server.baseUrl();
            HttpClient setup = HttpClient.newHttpClient();
            for (int m = 0; m < meetings; m++) {
                String q = "name=" + enc("Bench meeting " + m) + "&meetingID=bench-" + m + "&attendeePW=ap&moderatorPW=mp";
                String body = setup.send(HttpRequest.newBuilder(URI.create(base + "/bigbluebutton/api/create?" + sign("create", q, alg)))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (!body.contains("SUCCESS")) {
                    throw new IllegalStateException("create failed: " + body);
                }
            }
            int added = 0;
            for (int m = 0; m < meetings; m++) {
                int n = participants / meetings + (m < participants % meetings ? 1 : 0);
                String body = setup.send(HttpRequest.newBuilder(URI.create(base + "/control/participants/add?meetingID=bench-" + m
                        + "&count=" + n + "&role=" + (m % 2 == 0 ? "VIEWER" : "MODERATOR")))
                        .header("X-Devserver-Secret", SECRET).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                added += Integer.parseInt(body.replaceAll(".*\"added\":(\\d+).*", "$1"));
            }
            System.out.printf("setup: %d meetings, %d simulated participants; %d %s clients (virtual threads), mix %s, %s checksums%n",
                    meetings, added, clients, clientKind, mix, alg);
            System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));

            run(base, server.port(), ops, meetings, clients, warmup, alg, clientKind, false);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            Result r = run(base, server.port(), ops, meetings, clients, seconds, alg, clientKind, true);
            double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
            long[] lat = r.latencies;
            Arrays.sort(lat);
            System.out.printf("result: %d calls in %.1f s = %.0f calls/s; errors %d; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    lat.length, r.seconds, lat.length / r.seconds, r.errors, pct(lat, 50), pct(lat, 90), pct(lat, 99),
                    lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
            // CPU used by this JVM (server + clients): independent of other load on a shared machine
            System.out.printf("cpu: %.1f CPU-s for %d calls = %.0f calls per CPU-second (client and server together); "
                    + "machine load average now %.2f%n", cpuSeconds, lat.length, lat.length / cpuSeconds, os.getSystemLoadAverage());
            String counters = setup.send(HttpRequest.newBuilder(URI.create(base + "/control/counters"))
                    .header("X-Devserver-Secret", SECRET).build(), HttpResponse.BodyHandlers.ofString()).body();
            System.out.println("server counters: " + counters);
        }
    }

    record Result(long[] latencies, double seconds, long errors) {
    }

    static Result run(String base, int port, String[] ops, int meetings, int clients, int seconds, String alg, String kind,
                      boolean measure) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        HttpClient shared = kind.equals("jdk") ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : null;
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[][] lat = {new long[1 << 16]};
            int[] n = {0};
            Thread t = Thread.ofVirtual().start(() -> {
                RawClient raw = null;
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                try {
                    while (System.nanoTime() < end) {
                        String op = ops[rnd.nextInt(100)];
                        String mid = "bench-" + rnd.nextInt(meetings);
                        String call;
                        String q;
                        switch (op) {
                            case "info" -> { call = "getMeetingInfo"; q = "meetingID=" + mid; }
                            case "running" -> { call = "isMeetingRunning"; q = "meetingID=" + mid; }
                            case "join" -> { call = "join"; q = "fullName=" + enc("Load User " + rnd.nextInt(100000))
                                    + "&meetingID=" + mid + "&password=ap&redirect=false"; }
                            case "meetings" -> { call = "getMeetings"; q = ""; }
                            default -> throw new IllegalArgumentException(op);
                        }
                        String path = "/bigbluebutton/api/" + call + "?" + sign(call, q, alg);
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            String body;
                            if (shared != null) {
                                body = shared.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                                        HttpResponse.BodyHandlers.ofString()).body();
                            } else {
                                if (raw == null) {
                                    raw = new RawClient(port);
                                }
                                body = raw.get(path);
                            }
                            ok = body.contains("<returncode>SUCCESS</returncode>");
                        } catch (IOException e) {
                            ok = false;
                            if (raw != null) {
                                raw.close();
                                raw = null;
                            }
                        }
                        long dt = System.nanoTime() - t0;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        if (n[0] == lat[0].length) {
                            lat[0] = Arrays.copyOf(lat[0], lat[0].length * 2);
                        }
                        lat[0][n[0]++] = dt;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    if (raw != null) {
                        raw.close();
                    }
                }
            });
            threads.add(t);
            counts.add(n);
            holders.add(lat);
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        int total = 0;
        for (int[] n : counts) {
            total += n[0];
        }
        long[] all = new long[total];
        int pos = 0;
        for (int i = 0; i < counts.size(); i++) {
            long[] l = holders.get(holders.size() - counts.size() + i)[0];
            System.arraycopy(l, 0, all, pos, counts.get(i)[0]);
            pos += counts.get(i)[0];
        }
        if (!measure) {
            System.out.printf("warmup: %d calls in %.1f s (%.0f calls/s)%n", total, secs, total / secs);
        }
        return new Result(all, secs, errors.get());
    }

    static final List<long[][]> holders = new ArrayList<>();

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String sign(String call, String query, String alg) {
        try {
            String jca = switch (alg) {
                case "sha1" -> "SHA-1";
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                default -> "SHA-512";
            };
            String cs = HexFormat.of().formatHex(MessageDigest.getInstance(jca)
                    .digest((call + query + SECRET).getBytes(StandardCharsets.UTF_8)));
            return query.isEmpty() ? "checksum=" + cs : query + "&checksum=" + cs;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Minimal keep-alive HTTP/1.1 client (one connection per virtual thread), to keep client overhead low. */
    static final class RawClient {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        final byte[] buf = new byte[16384];
        int pos;
        int lim;

        RawClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        private int readByte() throws IOException {
            if (pos == lim) {
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    return -1;
                }
            }
            return buf[pos++] & 0xff;
        }

        String get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int length = -1;
            String line = readLine();
            if (line == null || !line.startsWith("HTTP/1.1 ")) {
                throw new IOException("bad status line " + line);
            }
            while (!(line = readLine()).isEmpty()) {
                int c = line.indexOf(':');
                if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(line.substring(c + 1).trim());
                }
            }
            if (length < 0) {
                throw new IOException("no content-length");
            }
            byte[] b = new byte[length];
            int have = Math.min(length, lim - pos);
            System.arraycopy(buf, pos, b, 0, have);
            pos += have;
            while (have < length) {
                int n = in.read(b, have, length - have);
                if (n < 0) {
                    throw new IOException("connection closed");
                }
                have += n;
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        private String readLine() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = readByte()) != -1) {
                if (c == '\n') {
                    int l = sb.length();
                    if (l > 0 && sb.charAt(l - 1) == '\r') {
                        sb.setLength(l - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) c);
            }
            throw new IOException("connection closed");
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // ignore
            }
        }
    }
}
