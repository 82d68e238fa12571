package org.aula.bbb.devserver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.aula.bbb.devserver.Model.Meeting;
import org.aula.bbb.devserver.Model.User;

/**
 * Test control API under {@code /control/} (documented in README.md), protected by the header
 * {@code X-Devserver-Secret} (constant-time compare with the shared secret). Also holds counters and faults.
 */
final class Control {
    static final String HEADER = "X-Devserver-Secret";

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    /** Parameters of the latest successful creates by meetingID (tests check what the app sent); passwords left out. */
    private final Map<String, String> createParams = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 200;
                }
            });
    private volatile String lastCreateParams = "null";

    static final class Fault {
        volatile long delayMs;
        volatile String mode;
        final AtomicInteger remaining = new AtomicInteger();
        volatile long until;
    }

    void count(String call) {
        counters.computeIfAbsent(call, k -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    void reset() {
        counters.clear();
        faults.clear();
        createParams.clear();
        lastCreateParams = "null";
    }

    /** Remembers what a successful create received: its parameters (no checksum, no passwords) and document names. */
    void recordCreate(String meetingId, Params p, java.util.List<String> documents) {
        StringBuilder b = new StringBuilder("{\"params\":{");
        boolean first = true;
        for (Map.Entry<String, java.util.List<String>> e : new TreeMap<>(p.values).entrySet()) {
            String name = e.getKey();
            if (name.equals("checksum") || name.endsWith("PW") || e.getValue().isEmpty()) {
                continue;
            }
            b.append(first ? "" : ",").append(Json.str(name)).append(':').append(Json.str(e.getValue().get(0)));
            first = false;
        }
        b.append("},\"documents\":[");
        for (int i = 0; i < documents.size(); i++) {
            b.append(i > 0 ? "," : "").append(Json.str(documents.get(i)));
        }
        String json = b.append("]}").toString();
        createParams.put(meetingId, json);
        lastCreateParams = json;
    }

    /** Applies delay/failure injection for an API call; returns a fault response or null. */
    DevResponse applyFaults(String call) {
        if (faults.isEmpty()) {
            return null;
        }
        DevResponse r = apply(faults.get(call));
        return r != null ? r : apply(faults.get("*"));
    }

    private static DevResponse apply(Fault f) {
        if (f == null) {
            return null;
        }
        if (f.delayMs > 0) {
            try {
                Thread.sleep(f.delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (f.mode == null) {
            return null;
        }
        boolean fail = System.currentTimeMillis() < f.until;
        if (!fail && f.remaining.get() > 0) {
            fail = f.remaining.getAndDecrement() > 0;
        }
        if (!fail) {
            return null;
        }
        return switch (f.mode) {
            case "reset" -> DevResponse.reset();
            case "html" -> DevResponse.html(502, "<html><head><title>502 Bad Gateway</title></head><body><center>"
                    + "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
            case "malformed" -> DevResponse.xml("<response><returncode>SUCCESS</returncode><meetingID>trunc");
            default -> DevResponse.html(500, "<html><head><title>Error 500</title></head><body><h1>Error 500: "
                    + "Internal Server Error</h1></body></html>");
        };
    }

    DevResponse handle(DevServer s, DevRequest req, String path) {
        String given = req.header(HEADER);
        String secret = s.options.secret();
        if (!secret.isEmpty() && !Crypto.constantTimeEquals(secret, given == null ? "" : given)) {
            return DevResponse.json(403, "{\"error\":\"forbidden: send the shared secret in the X-Devserver-Secret header\"}");
        }
        Params p = Params.parse(req.rawQuery(), false);
        if (req.contentType().startsWith("application/x-www-form-urlencoded")) {
            p.addAll(new String(req.body(), StandardCharsets.UTF_8), false);
        }
        boolean post = req.method().equals("POST");
        switch (path) {
            case "counters" -> {
                return DevResponse.json(200, countersJson());
            }
            case "create-params" -> {
                // read-only: what the latest create (or the one for meetingID) received
                String id = p.get("meetingID");
                String json = id == null ? lastCreateParams : createParams.get(id);
                return json == null || json.equals("null")
                        ? DevResponse.json(404, "{\"error\":\"no create seen\"}") : DevResponse.json(200, json);
            }
            case "state" -> {
                return DevResponse.json(200, "{\"meetings\":" + s.byInternal.size() + ",\"sessions\":" + s.sessions.size()
                        + ",\"recordings\":" + s.recordings.size() + ",\"hooks\":" + s.hooks.size()
                        + ",\"callbacksDelivered\":" + s.outgoing.sent.get() + ",\"callbacksFailed\":" + s.outgoing.failed.get() + "}");
            }
            case "guests" -> {
                Meeting m = s.findMeeting(p.get("meetingID"));
                return m == null || m.ended ? DevResponse.json(404, "{\"error\":\"meeting not found\"}")
                        : DevResponse.json(200, "{\"guestsWaiting\":" + GuestLobby.json(m) + "}");
            }
            default -> {
                // all other operations change state
            }
        }
        if (!post) {
            return DevResponse.json(405, "{\"error\":\"use POST\"}");
        }
        switch (path) {
            case "counters/reset" -> {
                counters.clear();
                return DevResponse.json(200, "{\"reset\":true}");
            }
            case "reset" -> {
                s.resetAll();
                return DevResponse.json(200, "{\"reset\":true}");
            }
            case "participants/add" -> {
                Meeting m = s.findMeeting(p.get("meetingID"));
                if (m == null || m.ended) {
                    return DevResponse.json(404, "{\"error\":\"meeting not found\"}");
                }
                int count = parse(p.get("count"), 1);
                String role = "MODERATOR".equalsIgnoreCase(p.get("role")) ? "MODERATOR" : "VIEWER";
                String prefix = p.get("namePrefix") == null ? "Simulated " : p.get("namePrefix");
                int added = 0;
                for (int i = 0; i < count; i++) {
                    String id = "w_" + Crypto.randomLowerAlnum(12);
                    User u = new User(id, "sim-" + id.substring(2), prefix + (i + 1), role, Map.of(), true, null);
                    if (s.connect(m, u)) {
                        added++;
                    }
                }
                return DevResponse.json(200, "{\"added\":" + added + ",\"participantCount\":" + m.users.size() + "}");
            }
            case "participants/remove" -> {
                Meeting m = s.findMeeting(p.get("meetingID"));
                if (m == null || m.ended) {
                    return DevResponse.json(404, "{\"error\":\"meeting not found\"}");
                }
                int count = parse(p.get("count"), Integer.MAX_VALUE);
                boolean all = "true".equals(p.get("includeReal"));
                int removed = 0;
                for (User u : m.users.values()) {
                    if (removed >= count) {
                        break;
                    }
                    if (u.simulated || all) {
                        s.disconnect(m, u.internalId);
                        removed++;
                    }
                }
                return DevResponse.json(200, "{\"removed\":" + removed + ",\"participantCount\":" + m.users.size() + "}");
            }
            case "guests/approve", "guests/deny" -> {
                Meeting m = s.findMeeting(p.get("meetingID"));
                if (m == null || m.ended) {
                    return DevResponse.json(404, "{\"error\":\"meeting not found\"}");
                }
                String who = p.get("userID") != null ? p.get("userID") : p.get("fullName") != null ? p.get("fullName") : p.get("all") != null ? "all" : null;
                if (who == null) {
                    return DevResponse.json(400, "{\"error\":\"give userID, fullName or all=true\"}");
                }
                int n = GuestLobby.decide(s, m, who, path.equals("guests/approve"));
                return DevResponse.json(200, "{\"decided\":" + n + ",\"guestsWaiting\":" + GuestLobby.json(m) + "}");
            }
            case "delay" -> {
                Fault f = faults.computeIfAbsent(callKey(p), k -> new Fault());
                f.delayMs = parse(p.get("ms"), 0);
                return DevResponse.json(200, "{\"call\":" + Json.str(callKey(p)) + ",\"delayMs\":" + f.delayMs + "}");
            }
            case "fail" -> {
                String mode = p.get("mode") == null ? "http500" : p.get("mode").toLowerCase(Locale.ROOT);
                if (!mode.equals("http500") && !mode.equals("html") && !mode.equals("malformed") && !mode.equals("reset")) {
                    return DevResponse.json(400, "{\"error\":\"mode must be http500, html, malformed or reset\"}");
                }
                Fault f = faults.computeIfAbsent(callKey(p), k -> new Fault());
                f.mode = mode;
                int count = parse(p.get("count"), 0);
                long forMs = parse(p.get("forMs"), 0);
                if (count == 0 && forMs == 0) {
                    count = 1;
                }
                f.remaining.set(count);
                f.until = forMs > 0 ? System.currentTimeMillis() + forMs : 0;
                return DevResponse.json(200, "{\"call\":" + Json.str(callKey(p)) + ",\"mode\":" + Json.str(mode)
                        + ",\"count\":" + count + ",\"forMs\":" + forMs + "}");
            }
            case "faults/clear" -> {
                faults.clear();
                return DevResponse.json(200, "{\"cleared\":true}");
            }
            default -> {
                return DevResponse.json(404, "{\"error\":\"unknown control operation\"}");
            }
        }
    }

    private static String callKey(Params p) {
        String c = p.get("call");
        return c == null || c.isBlank() ? "*" : c.trim();
    }

    private static int parse(String v, int def) {
        if (v == null || !v.trim().matches("\\d{1,9}")) {
            return def;
        }
        return Integer.parseInt(v.trim());
    }

    private String countersJson() {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Long> e : snapshot().entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(Json.str(e.getKey())).append(':').append(e.getValue());
        }
        return b.append('}').toString();
    }
}
