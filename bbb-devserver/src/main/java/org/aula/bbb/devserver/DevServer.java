package org.aula.bbb.devserver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.aula.bbb.devserver.Model.Hook;
import org.aula.bbb.devserver.Model.Meeting;
import org.aula.bbb.devserver.Model.Recording;
import org.aula.bbb.devserver.Model.Session;
import org.aula.bbb.devserver.Model.User;
import org.aula.bbb.devserver.client.ClientPage;

/**
 * Transport-neutral core of the BigBlueButton development server. Thread-safe; all state is in memory.
 * Adapters ({@link DevServerMain} for standalone, {@code servlet.DevServerServlet} for embedding) turn HTTP
 * exchanges into {@link DevRequest}s and write back {@link DevResponse}s.
 */
public final class DevServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DevServer.class.getName());
    static final Pattern META = Pattern.compile("meta_[a-zA-Z][a-zA-Z0-9-]*");
    private static final Pattern HEXISH = Pattern.compile("[0-9a-f-]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** API calls routed (everything else under /bigbluebutton/api/ is a 404 like Grails). */
    static final Set<String> CALLS = Set.of("create", "join", "isMeetingRunning", "end", "getMeetingInfo",
            "getMeetings", "insertDocument", "sendChatMessage", "getRecordings", "publishRecordings",
            "deleteRecordings", "updateRecordings", "getRecordingTextTracks", "putRecordingTextTrack",
            "hooks/create", "hooks/list", "hooks/destroy", "hooks/ping");

    /** Configuration. {@link #toString()} never shows the secret. */
    public record Options(String secret, boolean allowEmptySecret, Set<String> algorithms, String publicBaseUrl,
                          double timeScale, Duration recordingProcessingDelay, boolean joinConnectsUser,
                          Duration heartbeatTimeout, Duration endDelay, int maxBodyBytes, String bbbVersion) {
        public Options {
            Objects.requireNonNull(secret, "secret");
            algorithms = algorithms == null || algorithms.isEmpty()
                    ? Set.of("sha1", "sha256", "sha384", "sha512")
                    : Set.copyOf(algorithms.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).toList());
            for (String a : algorithms) {
                Crypto.jcaName(a); // validates
            }
            if (publicBaseUrl != null) {
                publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
                if (publicBaseUrl.isBlank()) {
                    publicBaseUrl = null;
                }
            }
            if (!(timeScale > 0)) {
                throw new IllegalArgumentException("timeScale must be > 0");
            }
            recordingProcessingDelay = recordingProcessingDelay == null ? Duration.ofSeconds(5) : recordingProcessingDelay;
            heartbeatTimeout = heartbeatTimeout == null ? Duration.ofSeconds(10) : heartbeatTimeout;
            endDelay = endDelay == null ? Duration.ofMillis(300) : endDelay;
            maxBodyBytes = maxBodyBytes <= 0 ? 2 * 1024 * 1024 : maxBodyBytes;
            bbbVersion = bbbVersion == null ? "3.0.0-devserver" : bbbVersion;
        }

        public static Builder builder(String secret) {
            return new Builder(secret);
        }

        @Override
        public String toString() {
            return "Options[secret=***, algorithms=" + algorithms + ", publicBaseUrl=" + publicBaseUrl
                    + ", timeScale=" + timeScale + ", recordingProcessingDelay=" + recordingProcessingDelay
                    + ", joinConnectsUser=" + joinConnectsUser + ", heartbeatTimeout=" + heartbeatTimeout
                    + ", endDelay=" + endDelay + ", maxBodyBytes=" + maxBodyBytes + "]";
        }

        public static final class Builder {
            private final String secret;
            private boolean allowEmptySecret;
            private Set<String> algorithms;
            private String publicBaseUrl;
            private double timeScale = 1;
            private Duration recordingProcessingDelay;
            private boolean joinConnectsUser;
            private Duration heartbeatTimeout;
            private Duration endDelay;
            private int maxBodyBytes;
            private String bbbVersion;

            private Builder(String secret) {
                this.secret = secret;
            }

            /** Explicitly allow an empty secret, which (as in BBB) disables checksum verification. */
            public Builder allowEmptySecret(boolean v) { this.allowEmptySecret = v; return this; }
            public Builder algorithms(Set<String> v) { this.algorithms = v; return this; }
            public Builder algorithms(String... v) { this.algorithms = new LinkedHashSet<>(Arrays.asList(v)); return this; }
            /** URL under which this server's mount point is reachable (links, redirects); null = derive per request. */
            public Builder publicBaseUrl(String v) { this.publicBaseUrl = v; return this; }
            /** 60 = a minute of meeting time lasts a second. */
            public Builder timeScale(double v) { this.timeScale = v; return this; }
            public Builder recordingProcessingDelay(Duration v) { this.recordingProcessingDelay = v; return this; }
            public Builder joinConnectsUser(boolean v) { this.joinConnectsUser = v; return this; }
            public Builder heartbeatTimeout(Duration v) { this.heartbeatTimeout = v; return this; }
            public Builder endDelay(Duration v) { this.endDelay = v; return this; }
            public Builder maxBodyBytes(int v) { this.maxBodyBytes = v; return this; }
            public Builder bbbVersion(String v) { this.bbbVersion = v; return this; }

            public Options build() {
                return new Options(secret, allowEmptySecret, algorithms, publicBaseUrl, timeScale,
                        recordingProcessingDelay, joinConnectsUser, heartbeatTimeout, endDelay, maxBodyBytes, bbbVersion);
            }
        }
    }

    final Options options;
    private final boolean securityDisabled;
    final ScheduledExecutorService scheduler;
    final Outgoing outgoing;
    final Control control = new Control();

    final Map<String, Meeting> byInternal = new ConcurrentHashMap<>();
    final Map<String, Meeting> bySha1 = new ConcurrentHashMap<>();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    final Map<Integer, Hook> hooks = new ConcurrentHashMap<>();
    private final Object createLock = new Object();
    private final AtomicInteger hookIds = new AtomicInteger();
    private final AtomicLong lastCreateTime = new AtomicLong();
    private volatile String lastBaseUrl;
    private long sweeps;

    public DevServer(Options options) {
        this.options = Objects.requireNonNull(options);
        // An empty secret disables all checksum checks in real BBB ("Security is disabled"). A devserver is often
        // reachable by others (embedded in the app, started by scripts) and must also catch client checksum bugs,
        // so an empty secret is refused unless the embedding code opts in explicitly with allowEmptySecret.
        if (options.secret().isEmpty() && !options.allowEmptySecret()) {
            throw new IllegalArgumentException("an empty secret disables security; set allowEmptySecret(true) to allow it");
        }
        this.securityDisabled = options.secret().isEmpty();
        this.lastBaseUrl = options.publicBaseUrl();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bbb-devserver-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.outgoing = new Outgoing(scheduler);
        scheduler.scheduleWithFixedDelay(this::sweep, 100, 100, TimeUnit.MILLISECONDS);
    }

    public Options options() {
        return options;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        outgoing.close();
    }

    // ------------------------------------------------------------------ routing

    public DevResponse handle(DevRequest req) {
        try {
            String base = options.publicBaseUrl() != null ? options.publicBaseUrl() : req.baseUrl();
            if (base != null && options.publicBaseUrl() == null) {
                lastBaseUrl = base;
            }
            if (base == null) {
                base = lastBaseUrl != null ? lastBaseUrl : "http://localhost";
            }
            if (req.body().length > options.maxBodyBytes()) {
                control.count("tooLarge");
                DevResponse r = DevResponse.html(413, "<html><head><title>413 Request Entity Too Large</title></head><body>"
                        + "<center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>");
                r.headers().put("Connection", "close");
                return r;
            }
            String path = req.path();
            if (path.equals("/bigbluebutton/api") || path.equals("/bigbluebutton/api/")) {
                control.count("version");
                return DevResponse.xml(versionXml(base));
            }
            if (path.startsWith("/bigbluebutton/api/")) {
                return api(req, path.substring("/bigbluebutton/api/".length()), base);
            }
            if (path.startsWith("/client/")) {
                return ClientEndpoints.handle(this, req, path.substring("/client/".length()), base);
            }
            if (path.startsWith("/playback/")) {
                return Playback.handle(this, req, path, base);
            }
            if (path.startsWith("/control/")) {
                return control.handle(this, req, path.substring("/control/".length()));
            }
            if (path.equals("/")) {
                return DevResponse.html(200, ClientPage.indexPage());
            }
            return notFound(path);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "internal error on " + req.method() + " " + req.path() + ": " + e);
            return DevResponse.html(500, "<html><head><title>Error 500</title></head><body><h1>Error 500: Internal Server Error</h1></body></html>");
        }
    }

    static DevResponse notFound(String path) {
        return DevResponse.html(404, "<!doctype html><html><head><title>Page Not Found</title></head><body>"
                + "<h1>Page not found</h1><p>The page you are looking for does not exist.</p><p>Path: "
                + Xml.escape(path) + "</p></body></html>");
    }

    private String versionXml(String base) {
        String wsBase = base.replaceFirst("^http", "ws");
        return Xml.response("SUCCESS").el("version", "2.0").el("apiVersion", "2.0").el("bbbVersion", options.bbbVersion())
                .el("html5PluginSdkVersion", "0.0.0").el("graphqlWebsocketUrl", wsBase + "/graphql")
                .el("graphqlApiUrl", base + "/api/rest").end();
    }

    private DevResponse api(DevRequest req, String call, String base) {
        if (call.endsWith("/")) {
            call = call.substring(0, call.length() - 1);
        }
        if (!CALLS.contains(call)) {
            control.count("notFound");
            return notFound("/bigbluebutton/api/" + call);
        }
        DevResponse fault = control.applyFaults(call);
        control.count(call);
        if (fault != null) {
            return fault;
        }
        if (call.equals("hooks/ping")) {
            return DevResponse.of(200, "text/plain;charset=utf-8", "bbb-webhooks API up!");
        }
        boolean post = req.method().equals("POST");
        String m = req.method();
        // HTTP methods per UrlMappings (3.0)
        boolean allowed = switch (call) {
            case "join", "publishRecordings", "deleteRecordings", "sendChatMessage", "hooks/create", "hooks/list",
                    "hooks/destroy" -> m.equals("GET") || m.equals("HEAD");
            case "insertDocument", "putRecordingTextTrack" -> post;
            default -> m.equals("GET") || m.equals("HEAD") || post;
        };
        if (!allowed) {
            return DevResponse.html(405, "<html><body><h1>405 Method Not Allowed</h1></body></html>");
        }
        Params query = Params.parse(req.rawQuery(), true);
        Params all = query;
        String ct = req.contentType();
        if (post && ct.startsWith("application/x-www-form-urlencoded") && req.body().length > 0) {
            all = Params.parse(req.rawQuery(), true);
            all.addAll(new String(req.body(), StandardCharsets.UTF_8), false);
        }
        boolean recordingStyle = switch (call) {
            case "getRecordings", "publishRecordings", "deleteRecordings", "updateRecordings",
                    "getRecordingTextTracks", "putRecordingTextTrack" -> true;
            default -> false;
        };
        boolean hooksStyle = call.startsWith("hooks/");
        if (!checksumOk(call, req, query, all)) {
            String msg = hooksStyle ? "You did not pass the checksum security check."
                    : recordingStyle ? "You did not pass the checksum security check" : "Checksums do not match";
            return DevResponse.xml(Xml.error("checksumError", msg));
        }
        return switch (call) {
            case "create" -> Api.create(this, req, all, base);
            case "join" -> Api.join(this, all, base);
            case "isMeetingRunning" -> Api.isMeetingRunning(this, all);
            case "end" -> Api.end(this, all);
            case "getMeetingInfo" -> Api.getMeetingInfo(this, all);
            case "getMeetings" -> Api.getMeetings(this);
            case "insertDocument" -> Api.insertDocument(this, req, all);
            case "sendChatMessage" -> Api.sendChatMessage(this, all);
            case "getRecordings" -> Recordings.getRecordings(this, all, base);
            case "publishRecordings" -> Recordings.publish(this, all);
            case "deleteRecordings" -> Recordings.delete(this, all);
            case "updateRecordings" -> Recordings.update(this, all);
            case "getRecordingTextTracks" -> Recordings.textTracks(this, all);
            case "putRecordingTextTrack" -> DevResponse.json(200,
                    "{\"response\":{\"returncode\":\"FAILED\",\"messageKey\":\"paramError\",\"message\":\"Text track upload is not supported by the devserver\"}}");
            case "hooks/create" -> Hooks.create(this, all);
            case "hooks/list" -> Hooks.list(this, all);
            case "hooks/destroy" -> Hooks.destroy(this, all);
            default -> notFound(call);
        };
    }

    // ------------------------------------------------------------------ checksum (§2.2, §2.3)

    boolean checksumOk(String call, DevRequest req, Params query, Params all) {
        if (securityDisabled) {
            return true;
        }
        String raw = req.rawQuery();
        if (raw != null && !raw.isEmpty()) {
            if (query.rawChecksums.size() != 1) {
                return false; // missing or repeated checksum parameter
            }
            String cs = query.rawChecksums.get(0);
            String stripped = raw.replace("&checksum=" + cs, "").replace("checksum=" + cs + "&", "").replace("checksum=" + cs, "");
            return verify(call + stripped, cs);
        }
        // POST with everything in the body: accept bbb-web's sorted reconstruction, or an empty query string.
        List<String> cs = all.values.get("checksum");
        if (cs == null || cs.size() != 1) {
            return false;
        }
        return verify(call + all.sortedReconstruction(), cs.get(0)) || verify(call, cs.get(0));
    }

    private boolean verify(String data, String checksum) {
        String alg = Crypto.algorithmForHexLength(checksum.length());
        if (alg == null || !options.algorithms().contains(alg)) {
            return false;
        }
        String expected = Crypto.hashHex(alg, data + options.secret());
        return Crypto.constantTimeEquals(expected, checksum.toLowerCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------ meeting lifecycle

    /** ServiceUtils.findMeetingFromMeetingID: internal-id prefix first, then sha1(external id). */
    Meeting findMeeting(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (HEXISH.matcher(id).matches()) {
            for (Meeting m : byInternal.values()) {
                if (m.internalId.startsWith(id)) {
                    return m;
                }
            }
        }
        return bySha1.get(Crypto.sha1Hex(id));
    }

    long scaledMillis(double minutes) {
        return (long) (minutes * 60_000d / options.timeScale());
    }

    long nextCreateTime() {
        long now = System.currentTimeMillis();
        return lastCreateTime.updateAndGet(prev -> Math.max(prev + 1, now));
    }

    static String createDate(long createTime) {
        return new Date(createTime).toString();
    }

    Object createLock() {
        return createLock;
    }

    void register(Meeting m) {
        byInternal.put(m.internalId, m);
        bySha1.put(m.sha1Id, m);
        long now = System.currentTimeMillis();
        synchronized (m) {
            if (m.expireNoJoinMinutes > 0) {
                m.noJoinDeadline = now + scaledMillis(m.expireNoJoinMinutes);
            }
            if (m.duration > 0) {
                m.durationDeadline = m.createTime + scaledMillis(m.duration);
            }
        }
        Hooks.fire(this, m, "meeting-created", Hooks.meetingCreated(m));
    }

    boolean voiceBridgeInUse(String vb) {
        for (Meeting m : byInternal.values()) {
            if (!m.ended && m.voiceBridge.equals(vb)) {
                return true;
            }
        }
        return false;
    }

    /** Connects a user (page heartbeat, join with joinConnectsUser, or simulated). False if the meeting ended. */
    boolean connect(Meeting m, User u) {
        synchronized (m) {
            if (m.ended) {
                return false;
            }
            if (m.users.putIfAbsent(u.internalId, u) != null) {
                return true;
            }
            m.version++;
            m.hasUserJoined = true;
            m.endTime = 0;
            m.lastLeftDeadline = 0;
            m.everConnected++;
            m.participantIds.add(u.externalId);
            if (u.moderator()) {
                m.hadModerator = true;
                m.noModeratorDeadline = 0;
            }
        }
        Hooks.fire(this, m, "user-joined", Hooks.userEvent(m, u, "user-joined"));
        return true;
    }

    void disconnect(Meeting m, String userInternalId) {
        User u;
        synchronized (m) {
            u = m.users.remove(userInternalId);
            if (u == null || m.ended) {
                return;
            }
            m.version++;
            long now = System.currentTimeMillis();
            if (m.users.isEmpty()) {
                m.endTime = now;
                if (m.expireLastLeftMinutes > 0) {
                    m.lastLeftDeadline = now + scaledMillis(m.expireLastLeftMinutes);
                }
            }
            if (m.endWhenNoModerator && m.hadModerator && m.moderatorCount() == 0 && m.noModeratorDeadline == 0) {
                m.noModeratorDeadline = now + scaledMillis(Math.max(0, m.endWhenNoModeratorDelayMinutes));
            }
        }
        Hooks.fire(this, m, "user-left", Hooks.userEvent(m, u, "user-left"));
    }

    /** Ends a meeting: forcibly (end call) after the end delay, or at once (timers). */
    void endMeeting(Meeting m, boolean forcibly) {
        synchronized (m) {
            if (m.ended || m.forciblyEnded) {
                return;
            }
            if (forcibly) {
                m.forciblyEnded = true;
                m.version++;
            }
        }
        if (forcibly) {
            scheduler.schedule(() -> removeMeeting(m), options.endDelay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            removeMeeting(m);
        }
    }

    void removeMeeting(Meeting m) {
        List<User> left;
        synchronized (m) {
            if (m.ended) {
                return;
            }
            m.ended = true;
            m.version++;
            if (m.endTime == 0 || !m.users.isEmpty()) {
                m.endTime = System.currentTimeMillis();
            }
            left = new ArrayList<>(m.users.values());
            m.users.clear();
        }
        byInternal.remove(m.internalId, m);
        bySha1.remove(m.sha1Id, m);
        for (User u : left) {
            Hooks.fire(this, m, "user-left", Hooks.userEvent(m, u, "user-left"));
        }
        Hooks.fire(this, m, "meeting-ended", Hooks.meetingEnded(m));
        boolean recorded = m.record && m.everConnected > 0;
        long[] retries = {scaledMillis(0.5), scaledMillis(1), scaledMillis(2), scaledMillis(5)};
        String endCb = m.metadata.get("endcallbackurl");
        if (endCb != null && !endCb.isBlank() && !m.isBreakout) {
            String sep = endCb.contains("?") ? "&" : "?";
            outgoing.get(endCb + sep + "recordingmarks=" + recorded + "&meetingID=" + Params.enc(m.externalId), retries);
        }
        if (m.meetingEndedURL != null && !m.meetingEndedURL.isBlank()) {
            outgoing.get(m.meetingEndedURL, retries);
        }
        if (recorded) {
            Recordings.startProcessing(this, m);
        }
    }

    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            long hb = options.heartbeatTimeout().toMillis();
            for (Meeting m : byInternal.values()) {
                if (m.ended || m.forciblyEnded) {
                    continue;
                }
                for (User u : m.users.values()) {
                    if (u.sessionToken != null && now - u.lastSeen > hb) {
                        disconnect(m, u.internalId);
                    }
                }
                if (!m.guestsWaiting.isEmpty()) {
                    GuestLobby.sweep(m, now, hb);
                }
                boolean end;
                synchronized (m) {
                    end = (m.noJoinDeadline > 0 && !m.hasUserJoined && now >= m.noJoinDeadline)
                            || (m.lastLeftDeadline > 0 && m.users.isEmpty() && now >= m.lastLeftDeadline)
                            || (m.durationDeadline > 0 && now >= m.durationDeadline)
                            || (m.noModeratorDeadline > 0 && m.moderatorCount() == 0 && now >= m.noModeratorDeadline);
                }
                if (end) {
                    endMeeting(m, false);
                }
            }
            if (++sweeps % 100 == 0) {
                sessions.values().removeIf(s -> (s.meeting.ended && now - s.meeting.endTime > 10 * 60_000L)
                        || (!s.connectedByPage && now - s.created > 6 * 3600_000L));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sweeper: " + e);
        }
    }

    /** Resets all state (control API reset-all). */
    void resetAll() {
        for (Meeting m : new ArrayList<>(byInternal.values())) {
            synchronized (m) {
                m.ended = true;
                m.users.clear();
            }
        }
        byInternal.clear();
        bySha1.clear();
        sessions.clear();
        recordings.clear();
        hooks.clear();
        control.reset();
    }

    int nextHookId() {
        return hookIds.incrementAndGet();
    }

    /** Base URL for links in callbacks (no request at hand): configured, else the last one seen. */
    String callbackBaseUrl() {
        String b = lastBaseUrl;
        return b == null ? "http://localhost" : b;
    }

    String serverDomain() {
        String b = lastBaseUrl == null ? "http://localhost" : lastBaseUrl;
        try {
            return java.net.URI.create(b).getHost();
        } catch (RuntimeException e) {
            return "localhost";
        }
    }

    /** Snapshot of meetings in creation order. */
    List<Meeting> meetingsSnapshot() {
        List<Meeting> list = new ArrayList<>(byInternal.values());
        list.sort(Comparator.comparingLong(x -> x.createTime));
        return list;
    }

    /** Per-call counters (how many answered). */
    public Map<String, Long> counters() {
        return control.snapshot();
    }
}
