package org.aula.bbb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A small, dependency-free client for the BigBlueButton HTTP API (BBB 2.6 - 3.0).
 *
 * <p>Every call builds its query string exactly once, hashes those bytes for the checksum and sends
 * the same bytes ({@link URI#create} on the final string), because bbb-web hashes the raw query it
 * receives and any re-encoding in between breaks the checksum (reference §2.5).
 *
 * <p>Failures surface as {@link BbbException} (BBB answered FAILED) or {@link BbbTransportException}
 * (no usable answer). Neither ever carries the secret or a checksum. Instances are immutable and
 * thread-safe; share one per BBB server.
 */
public final class BbbClient {

    private static final String ROOT_CALL = "version";
    private static final Pattern CALL_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*(/[a-zA-Z][a-zA-Z0-9]*)?");
    private static final Pattern CHECKSUM_PARAM = Pattern.compile("checksum=[0-9a-fA-F]*");
    private static final System.Logger LOG = System.getLogger(BbbClient.class.getName());

    private final BbbConfig config;
    private final HttpClient http;
    /** Whether the connect timeout in effect is the configured one (we built the HttpClient). */
    private final boolean ownHttpClient;

    /** A client with its own HttpClient using the configured connect timeout. */
    public BbbClient(BbbConfig config) {
        this(config, HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(config, "config").connectTimeout())
                // join answers 302 on success; following it would fetch the HTML5 client page.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), true);
    }

    /**
     * A client using a caller-supplied HttpClient (for a shared executor, proxy or TLS setup). Its
     * connect timeout and redirect policy are the caller's; {@code NEVER} redirects is recommended.
     */
    public BbbClient(BbbConfig config, HttpClient httpClient) {
        this(config, httpClient, false);
    }

    private BbbClient(BbbConfig config, HttpClient httpClient, boolean ownHttpClient) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(httpClient, "httpClient");
        this.ownHttpClient = ownHttpClient;
    }

    public BbbConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- meetings

    /** The root call: API and (if revealed) BBB version. Needs no checksum. */
    public ApiVersion version() {
        String base = config.apiBase().toString();
        URI uri = URI.create(base.substring(0, base.length() - 1));
        return Responses.apiVersion(expectXml(ROOT_CALL, send(ROOT_CALL, uri, null)));
    }

    /**
     * Creates a meeting, or returns the existing one ({@link CreateMeetingResponse#isDuplicate()}).
     * With documents or a client-settings override the call is a POST whose body is the
     * {@code <modules>} XML; the parameters still travel in the signed URL.
     */
    public CreateMeetingResponse create(CreateMeeting request) {
        Objects.requireNonNull(request, "request");
        URI uri = signedUrl("create", request.parameters());
        byte[] body = request.hasModules()
                ? ModulesXml.write(request.presentation(), request.clientSettingsOverride().orElse(null))
                : null;
        return Responses.create(expectXml("create", send("create", uri, body)));
    }

    /**
     * The signed URL to send a user's browser to. No request is made; the URL is only valid while the
     * meeting exists (and, with {@code createTime}, only for that incarnation of it).
     */
    public URI joinUrl(JoinMeeting request) {
        Objects.requireNonNull(request, "request");
        return signedUrl("join", request.parameters());
    }

    /**
     * Joins server-side with {@code redirect=false} and returns the session data; send the browser to
     * {@link JoinResponse#url()}.
     */
    public JoinResponse join(JoinMeeting request) {
        Objects.requireNonNull(request, "request");
        Map<String, String> params = new LinkedHashMap<>(request.parameters());
        params.put("redirect", "false");
        return Responses.join(expectXml("join", send("join", signedUrl("join", params), null)));
    }

    /** True when the meeting exists and has connected users; an unknown meeting is simply false. */
    public boolean isMeetingRunning(String meetingId) {
        XmlNode r = call("isMeetingRunning", Map.of("meetingID", Requests.checkMeetingId(meetingId)));
        return r.bool("running");
    }

    /** @throws BbbException with {@link BbbException#isNoSuchMeeting()} if the meeting does not exist */
    public MeetingInfo getMeetingInfo(String meetingId) {
        return Responses.meeting(call("getMeetingInfo", Map.of("meetingID", Requests.checkMeetingId(meetingId))));
    }

    /** All meetings on the server; empty when there are none. */
    public List<MeetingInfo> getMeetings() {
        return Responses.meetings(call("getMeetings", Map.of()));
    }

    /**
     * Asks BBB to end the meeting. Ending is asynchronous on the server: for a few seconds afterwards
     * the meeting may still show up and even accept joins.
     */
    public void end(String meetingId) {
        call("end", Map.of("meetingID", Requests.checkMeetingId(meetingId)));
    }

    /** Adds documents to a running meeting (POST with a {@code <modules>} body, BBB 2.5+). */
    public void insertDocument(String meetingId, List<Document> documents) {
        Requests.checkMeetingId(meetingId);
        List<Document> docs = List.copyOf(documents);
        if (docs.isEmpty()) {
            // bbb-web ignores an empty body with only a log line; make the mistake visible here.
            throw new IllegalArgumentException("insertDocument needs at least one document");
        }
        URI uri = signedUrl("insertDocument", Map.of("meetingID", meetingId));
        expectXml("insertDocument", send("insertDocument", uri, ModulesXml.write(docs, null)));
    }

    // ---------------------------------------------------------------- recordings

    public RecordingsPage getRecordings(GetRecordings query) {
        Objects.requireNonNull(query, "query");
        return Responses.recordings(call("getRecordings", query.parameters()));
    }

    /** @return true when BBB confirmed the new state; FAILED {@code notFound} if none of the ids exists */
    public boolean publishRecordings(List<String> recordIds, boolean publish) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("recordID", GetRecordings.commaList("recordID", recordIds));
        params.put("publish", Boolean.toString(publish));
        XmlNode r = call("publishRecordings", params);
        return r.child("published").isPresent() && r.bool("published") == publish;
    }

    /**
     * Adds, replaces or (with an empty value) removes recording metadata.
     *
     * @return true when BBB reported {@code <updated>true</updated>}
     */
    public boolean updateRecordings(List<String> recordIds, Map<String, String> meta) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("recordID", GetRecordings.commaList("recordID", recordIds));
        meta.forEach((k, v) -> {
            if (k == null || !k.matches("[a-zA-Z][a-zA-Z0-9-]*")) {
                throw new IllegalArgumentException("meta key '" + k + "' must match [a-zA-Z][a-zA-Z0-9-]*");
            }
            params.put("meta_" + k, Objects.requireNonNull(v, "meta value of " + k));
        });
        return call("updateRecordings", params).bool("updated");
    }

    /** Marks recordings deleted. @return true when BBB reported {@code <deleted>true</deleted>} */
    public boolean deleteRecordings(List<String> recordIds) {
        return call("deleteRecordings", Map.of("recordID", GetRecordings.commaList("recordID", recordIds)))
                .bool("deleted");
    }

    /** Caption tracks of one recording. This call answers in JSON (errors of the checksum kind in XML). */
    public List<TextTrack> getRecordingTextTracks(String recordId) {
        String call = "getRecordingTextTracks";
        Raw raw = send(call, signedUrl(call, Map.of("recordID", Requests.requireText(recordId, "recordId"))), null);
        String text = new String(raw.body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("<")) {
            expectXml(call, raw);
            throw transport(call, "answered SUCCESS in XML where JSON text tracks were expected", raw.status, null);
        }
        try {
            return Responses.textTracks(call, text);
        } catch (IllegalArgumentException e) {
            throw transport(call, "answered with a body that is not the expected JSON (" + e.getMessage() + ")",
                    raw.status, e);
        }
    }

    // ---------------------------------------------------------------- webhooks

    public HookCreated createHook(CreateHook request) {
        Objects.requireNonNull(request, "request");
        return Responses.hookCreated(call("hooks/create", request.parameters()));
    }

    /** Global hooks plus, if {@code meetingIdOrNull} is given, that meeting's hooks. */
    public List<Hook> listHooks(String meetingIdOrNull) {
        Map<String, String> params = meetingIdOrNull == null
                ? Map.of()
                : Map.of("meetingID", Requests.checkMeetingId(meetingIdOrNull));
        return Responses.hooks(call("hooks/list", params));
    }

    /** @return true if removed, false if no hook had that id ({@code destroyMissingHook}) */
    public boolean destroyHook(String hookId) {
        try {
            return call("hooks/destroy", Map.of("hookID", Requests.requireText(hookId, "hookId"))).bool("removed");
        } catch (BbbException e) {
            if ("destroyMissingHook".equals(e.messageKey())) {
                return false;
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * The signed URL of any call, for calls this class has no method for (e.g. {@code sendChatMessage}).
     * Parameters are encoded in map order.
     */
    public URI signedUrl(String callName, Map<String, String> parameters) {
        Objects.requireNonNull(callName, "callName");
        if (!CALL_NAME.matcher(callName).matches()) {
            throw new IllegalArgumentException("'" + callName + "' is not a BBB call name");
        }
        QueryString q = new QueryString();
        parameters.forEach((k, v) -> q.add(Requests.checkParamName(k), Objects.requireNonNull(v, k)));
        String query = q.toString();
        String checksum = Checksum.of(config.checksumAlgorithm(), callName, query, config.secret());
        String url = config.apiBase() + callName + "?" + query + (query.isEmpty() ? "" : "&") + "checksum=" + checksum;
        // URI.create keeps the string as is; a URI builder would decode and re-encode it.
        return URI.create(url);
    }

    private XmlNode call(String callName, Map<String, String> params) {
        return expectXml(callName, send(callName, signedUrl(callName, params), null));
    }

    private record Raw(int status, byte[] body, String contentType) {
    }

    private Raw send(String callName, URI uri, byte[] postBody) {
        // No Accept header: bbb-web negotiates the answer format from it, and XML (its default) is what we parse.
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(config.requestTimeout());
        if (postBody == null) {
            rb.GET();
        } else {
            rb.header("Content-Type", "application/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(postBody));
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(rb.build(), info -> new BoundedBody(config.maxResponseBytes()));
        HttpResponse<byte[]> response;
        try {
            // The request timeout alone stops at the headers; this bounds the body as well.
            response = future.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(callName, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw transport(callName, "was not waited for: the calling thread was interrupted", -1, e);
        } catch (ExecutionException e) {
            throw mapFailure(callName, e.getCause());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        int status = response.statusCode();
        // Call name only: the query holds the checksum and user data.
        LOG.log(System.Logger.Level.DEBUG, () -> "BBB " + callName + " answered HTTP " + status + " with "
                + response.body().length + " bytes in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        if (status == 200) {
            return new Raw(status, response.body(), contentType);
        }
        if (status >= 300 && status < 400) {
            // BBB 2.6 reports join errors as a redirect carrying errors=[{"key":..,"message":..}].
            List<BbbException.Error> errors =
                    redirectErrors(response.headers().firstValue("Location").orElse(""));
            if (!errors.isEmpty()) {
                throw new BbbException(callName, errors);
            }
            throw transport(callName, "answered with a redirect (HTTP " + status + ") instead of an API answer",
                    status, null);
        }
        throw transport(callName, "answered HTTP " + status + (status == 404 ? " (unknown call or wrong base URL)" : ""),
                status, null);
    }

    private BbbTransportException mapFailure(String callName, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            String limit = ownHttpClient ? human(config.connectTimeout()) : "the HttpClient's connect timeout";
            return transport(callName, "could not be reached within " + limit + " (connect timeout)", -1, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(callName, cause);
        }
        if (cause instanceof ResponseTooLargeException) {
            return transport(callName, "answered with more than " + humanBytes(config.maxResponseBytes())
                    + "; refusing to read further", -1, cause);
        }
        if (cause instanceof ConnectException) {
            return transport(callName, "refused the connection or could not be reached ("
                    + Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName()) + ")", -1, cause);
        }
        if (cause instanceof IOException) {
            return transport(callName, "failed during the exchange ("
                    + Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName()) + ")", -1, cause);
        }
        return transport(callName, "failed unexpectedly (" + cause + ")", -1, cause);
    }

    private BbbTransportException timeout(String callName, Throwable cause) {
        return transport(callName, "did not answer within " + human(config.requestTimeout()), -1, cause);
    }

    private BbbTransportException transport(String callName, String what, int status, Throwable cause) {
        // 'what' may quote a JDK exception message; make sure no URL query with a checksum slips through.
        String safe = CHECKSUM_PARAM.matcher(what).replaceAll("checksum=***");
        return new BbbTransportException(callName, "BBB server at " + describe(callName) + " " + safe, status, cause);
    }

    /** The call URL without its query: safe to show, since the query carries the checksum. */
    private String describe(String callName) {
        if (callName.equals(ROOT_CALL)) {
            String base = config.apiBase().toString();
            return base.substring(0, base.length() - 1);
        }
        return config.apiBase() + callName;
    }

    private XmlNode expectXml(String callName, Raw raw) {
        return envelope(callName, describe(callName), raw.status, raw.contentType, raw.body);
    }

    /**
     * Checks the envelope: XML, root {@code <response>}, returncode SUCCESS. Static and
     * package-private so the fixture conformance test can run every captured body through it.
     *
     * @param where the call URL without query, for messages
     */
    static XmlNode envelope(String callName, String where, int status, String contentType, byte[] body) {
        String prefix = "BBB server at " + where + " ";
        if (body.length == 0) {
            throw new BbbTransportException(callName, prefix + "answered with an empty body", status, null);
        }
        String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (contentType.toLowerCase(Locale.ROOT).startsWith("text/html") || head.startsWith("<!doctype html")
                || head.startsWith("<html")) {
            throw new BbbTransportException(callName, prefix
                    + "answered with an HTML page instead of BBB XML (wrong URL, or a proxy error page?)", status, null);
        }
        XmlNode root;
        try {
            root = XmlNode.parse(body);
        } catch (XmlNode.XmlFormatException e) {
            throw new BbbTransportException(callName, prefix + "answered with a body that " + e.getMessage(), status, e);
        }
        if (!root.name().equals("response")) {
            throw new BbbTransportException(callName, prefix + "answered with <" + root.name()
                    + "> instead of a BBB <response>", status, null);
        }
        String code = root.string("returncode");
        if (code.equals("SUCCESS")) {
            return root;
        }
        if (code.equals("FAILED")) {
            throw failed(callName, root);
        }
        throw new BbbTransportException(callName, prefix + "answered without a SUCCESS/FAILED returncode", status, null);
    }

    private static BbbException failed(String callName, XmlNode root) {
        List<BbbException.Error> errors = new ArrayList<>();
        if (root.child("messageKey").isPresent() || root.child("message").isPresent()) {
            errors.add(new BbbException.Error(root.string("messageKey"), root.string("message")));
        }
        root.child("errors").ifPresent(es -> es.children("error").forEach(e ->
                errors.add(new BbbException.Error(e.child("key").isPresent() ? e.string("key") : e.attribute("key"),
                        e.child("message").isPresent() ? e.string("message") : e.attribute("message")))));
        if (errors.isEmpty()) {
            errors.add(new BbbException.Error("", ""));
        }
        return new BbbException(callName, errors);
    }

    static List<BbbException.Error> redirectErrors(String location) {
        int q = location.indexOf('?');
        if (q < 0) {
            return List.of();
        }
        for (String pair : location.substring(q + 1).split("&")) {
            if (pair.startsWith("errors=")) {
                try {
                    String json = URLDecoder.decode(pair.substring("errors=".length()), StandardCharsets.UTF_8);
                    List<BbbException.Error> out = new ArrayList<>();
                    if (Json.parse(json) instanceof List<?> list) {
                        for (Object o : list) {
                            if (o instanceof Map<?, ?> m) {
                                out.add(new BbbException.Error(Objects.toString(m.get("key"), ""),
                                        Objects.toString(m.get("message"), "")));
                            }
                        }
                    }
                    return out;
                } catch (IllegalArgumentException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    static String human(Duration d) {
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMillis() + " ms";
    }

    private static String humanBytes(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    @Override
    public String toString() {
        return "BbbClient[" + config.apiBase() + "]";
    }

    /** Signals that the body exceeded the configured bound. */
    private static final class ResponseTooLargeException extends IOException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException() {
            super("response body too large");
        }
    }

    /** Collects the body but gives up, cancelling the stream, once it exceeds the bound. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if ((long) out.size() + b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new ResponseTooLargeException());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
