package org.aula.bbb.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.bbb.devserver.TestSupport.count;
import static org.aula.bbb.devserver.TestSupport.enc;
import static org.aula.bbb.devserver.TestSupport.hash;
import static org.aula.bbb.devserver.TestSupport.parse;
import static org.aula.bbb.devserver.TestSupport.text;
import static org.aula.bbb.devserver.TestSupport.waitUntil;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

/** Timers, recordings, hooks/webhooks, callbacks and the control API; a local HttpServer receives callbacks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    DevServerMain server;
    TestSupport.Api api;
    HttpServer receiver;
    String receiverBase;
    final List<String[]> received = new CopyOnWriteArrayList<>(); // {method, uri, body}
    final AtomicInteger failFirst = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        // time scale 120: a minute lasts 500 ms (5 min no-join expiry = 2.5 s)
        server = TestSupport.start(TestSupport.opts().timeScale(120).heartbeatTimeout(java.time.Duration.ofSeconds(2)));
        api = new TestSupport.Api(server);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{ex.getRequestMethod(), ex.getRequestURI().toString(), body});
            int status = ex.getRequestURI().getPath().startsWith("/flaky") && failFirst.getAndDecrement() > 0 ? 503 : 200;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        receiverBase = "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @AfterAll
    void stop() {
        server.close();
        receiver.stop(0);
    }

    static String id(String p) {
        return p + "-" + SEQ.incrementAndGet();
    }

    List<String[]> receivedFor(String pathPrefix) {
        return received.stream().filter(r -> r[1].startsWith(pathPrefix)).toList();
    }

    // ------------------------------------------------------------------ timers (time scale 600: a minute = 100 ms)

    @Test
    void noOneJoinedExpiry() throws Exception {
        String mid = id("nojoin");
        api.create(mid, "&meetingExpireIfNoUserJoinedInMinutes=2");
        assertThat(server.core().findMeeting(mid)).isNotNull();
        waitUntil("expired", () -> server.core().findMeeting(mid) == null, 6000);
    }

    @Test
    void lastUserLeftExpiryAndHeartbeatTimeout() throws Exception {
        String mid = id("lastleft");
        api.create(mid, "&meetingExpireWhenLastUserLeftInMinutes=3&meetingExpireIfNoUserJoinedInMinutes=100");
        String loc = api.joinAndConnect(mid, "A", "VIEWER");
        Thread.sleep(700); // the user is still there (heartbeat timeout 2 s)
        assertThat(text(api.xml("isMeetingRunning", "meetingID=" + mid), "running")).isEqualTo("true");
        // no more heartbeats: the user times out after 2 s, then the meeting ends 300 ms later
        waitUntil("user timed out", () -> "false".equals(text(api.xml("isMeetingRunning", "meetingID=" + mid), "running")), 6000);
        // 3 scaled minutes = 1.5 s after the last user left
        waitUntil("meeting ended", () -> server.core().findMeeting(mid) == null, 6000);
        assertThat(api.heartbeat(loc)).contains("ended");
    }

    @Test
    void durationAndEndWhenNoModerator() throws Exception {
        String d = id("duration");
        api.create(d, "&duration=3");
        api.control("POST", "participants/add?meetingID=" + d + "&count=2");
        waitUntil("duration over", () -> server.core().findMeeting(d) == null, 6000);

        String nm = id("nomod");
        api.create(nm, "&endWhenNoModerator=true&endWhenNoModeratorDelayInMinutes=2&meetingExpireWhenLastUserLeftInMinutes=100");
        api.control("POST", "participants/add?meetingID=" + nm + "&count=3");
        String mod = api.joinAndConnect(nm, "Mo", "MODERATOR");
        Thread.sleep(300);
        assertThat(server.core().findMeeting(nm)).isNotNull();
        api.clientCall(mod, "leave");
        waitUntil("ended without moderator", () -> server.core().findMeeting(nm) == null, 6000);
    }

    // ------------------------------------------------------------------ recordings + callbacks

    @Test
    void recordedMeetingProducesARecordingAndCallbacks() throws Exception {
        String mid = id("rec");
        String ready = receiverBase + "/ready/" + mid;
        String endCb = receiverBase + "/endcb/" + mid + "?a=1";
        api.xml("hooks/create", "callbackURL=" + enc(receiverBase + "/rechook/" + mid) + "&meetingID=" + mid
                + "&eventID=rap-publish-ended");
        String internal = api.create(mid, "&record=true&meta_Course=Math+101&meta_bbb-recording-ready-url=" + enc(ready)
                + "&meta_endCallbackUrl=" + enc(endCb) + "&meetingEndedURL=" + enc(receiverBase + "/ended/" + mid));
        api.joinAndConnect(mid, "Mo", "MODERATOR");
        api.control("POST", "participants/add?meetingID=" + mid + "&count=2");
        api.xml("end", "meetingID=" + mid);
        waitUntil("end callback", () -> !receivedFor("/endcb/" + mid).isEmpty(), 10000);
        String[] cb = receivedFor("/endcb/" + mid).get(0);
        assertThat(cb[0]).isEqualTo("GET");
        assertThat(cb[1]).isEqualTo("/endcb/" + mid + "?a=1&recordingmarks=true&meetingID=" + mid);
        waitUntil("meetingEndedURL", () -> !receivedFor("/ended/" + mid).isEmpty(), 10000);
        assertThat(receivedFor("/ended/" + mid).get(0)[1]).isEqualTo("/ended/" + mid);

        // processing first (visible with state=processing / any), published after the delay
        Document any = api.xml("getRecordings", "meetingID=" + mid + "&state=any");
        assertThat(text(any, "recordID")).isEqualTo(internal);
        waitUntil("published", () -> "published".equals(text(api.xml("getRecordings", "recordID=" + internal), "state")), 10000);
        Document recs = api.xml("getRecordings", "meetingID=" + mid);
        assertThat(count(recs, "recording")).isEqualTo(1);
        assertThat(text(recs, "meetingID")).isEqualTo(mid);
        assertThat(text(recs, "internalMeetingID")).isEqualTo(internal);
        assertThat(text(recs, "name")).isEqualTo("Meeting " + mid);
        assertThat(text(recs, "published")).isEqualTo("true");
        assertThat(text(recs, "participants")).isEqualTo("3");
        assertThat(text(recs, "course")).isEqualTo("Math 101");
        assertThat(text(recs, "meetingId")).isEqualTo(mid);
        assertThat(text(recs, "meetingName")).isEqualTo("Meeting " + mid);
        assertThat(text(recs, "type")).isEqualTo("presentation");
        String url = text(recs, "url");
        assertThat(url).isEqualTo(server.baseUrl() + "/playback/presentation/2.3/" + internal);
        assertThat(count(recs, "image")).isEqualTo(2);
        HttpResponse<String> playback = api.raw(url.substring(server.baseUrl().length()));
        assertThat(playback.statusCode()).isEqualTo(200);
        assertThat(playback.body()).contains("Meeting " + mid);
        String img = recs.getElementsByTagName("image").item(0).getTextContent();
        HttpResponse<byte[]> png = TestSupport.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(img)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        // recording-ready callback: POST signed_parameters = HS256 JWT {"alg":"HS256"}
        waitUntil("recording ready callback", () -> !receivedFor("/ready/" + mid).isEmpty(), 10000);
        String[] rr = receivedFor("/ready/" + mid).get(0);
        assertThat(rr[0]).isEqualTo("POST");
        assertThat(rr[2]).startsWith("signed_parameters=");
        String jwt = URLDecoder.decode(rr[2].substring("signed_parameters=".length()), StandardCharsets.UTF_8);
        String[] parts = jwt.split("\\.");
        Base64.Decoder dec = Base64.getUrlDecoder();
        assertThat(new String(dec.decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"HS256\"}");
        assertThat(new String(dec.decode(parts[1]), StandardCharsets.UTF_8))
                .isEqualTo("{\"meeting_id\":\"" + mid + "\",\"record_id\":\"" + internal + "\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestSupport.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        assertThat(parts[2]).isEqualTo(sig);

        // webhook rap-publish-ended (the hook filters on that event id only)
        waitUntil("rap-publish-ended", () -> !receivedFor("/rechook/" + mid).isEmpty(), 10000);
        assertThat(receivedFor("/rechook/" + mid)).hasSize(1);
        String ev = URLDecoder.decode(receivedFor("/rechook/" + mid).get(0)[2], StandardCharsets.UTF_8);
        assertThat(ev).contains("\"id\":\"rap-publish-ended\"", "\"record-id\":\"" + internal + "\"",
                "\"link\":\"" + server.baseUrl() + "/playback/presentation/2.3/" + internal + "\"");

        // filters: recordID prefix, meta wildcards, states, pagination
        assertThat(count(api.xml("getRecordings", "recordID=" + internal.substring(0, 10)), "recording")).isEqualTo(1);
        assertThat(count(api.xml("getRecordings", "meetingID=" + mid + "&meta_course=" + enc("%ath%")), "recording")).isEqualTo(1);
        assertThat(count(api.xml("getRecordings", "meetingID=" + mid + "&meta_course=" + enc("Math%")), "recording")).isEqualTo(1);
        assertThat(count(api.xml("getRecordings", "meetingID=" + mid + "&meta_course=" + enc("%101")), "recording")).isEqualTo(1);
        Document none = api.xml("getRecordings", "meetingID=" + mid + "&meta_course=Physics");
        assertThat(text(none, "messageKey")).isEqualTo("noRecordings");
        assertThat(count(api.xml("getRecordings", "meetingID=" + mid + "&state=processing"), "recording")).isZero();

        // publish / update / delete
        assertThat(text(api.xml("publishRecordings", "recordID=" + internal + "&publish=false"), "published")).isEqualTo("false");
        assertThat(text(api.xml("getRecordings", "recordID=" + internal), "state")).isEqualTo("unpublished");
        assertThat(api.raw(url.substring(server.baseUrl().length())).statusCode()).isEqualTo(404);
        assertThat(text(api.xml("publishRecordings", "recordID=" + internal + "&publish=true"), "published")).isEqualTo("true");
        assertThat(text(api.xml("updateRecordings", "recordID=" + internal + "&meta_course=&meta_Extra=x"), "updated")).isEqualTo("true");
        Document upd = api.xml("getRecordings", "recordID=" + internal);
        assertThat(count(upd, "course")).isZero();
        assertThat(text(upd, "extra")).isEqualTo("x");
        assertThat(api.call("getRecordingTextTracks", "recordID=" + internal).body())
                .isEqualTo("{\"response\":{\"returncode\":\"SUCCESS\",\"tracks\":[]}}");
        assertThat(text(api.xml("deleteRecordings", "recordID=" + internal), "deleted")).isEqualTo("true");
        assertThat(text(api.xml("getRecordings", "recordID=" + internal), "messageKey")).isEqualTo("noRecordings");
        assertThat(text(api.xml("getRecordings", "recordID=" + internal + "&state=deleted"), "state")).isEqualTo("deleted");
    }

    @Test
    void recordingCallErrors() throws Exception {
        assertThat(text(api.xml("publishRecordings", "publish=true"), "messageKey")).isEqualTo("missingParamRecordID");
        assertThat(text(api.xml("publishRecordings", "recordID=abc"), "messageKey")).isEqualTo("missingParamPublish");
        assertThat(text(api.xml("publishRecordings", "recordID=nope&publish=true"), "messageKey")).isEqualTo("notFound");
        assertThat(text(api.xml("deleteRecordings", "recordID=nope"), "messageKey")).isEqualTo("notFound");
        assertThat(text(api.xml("updateRecordings", "recordID=nope"), "messageKey")).isEqualTo("notFound");
        assertThat(api.call("getRecordingTextTracks", "recordID=nope").body()).contains("\"noRecordings\"");
        assertThat(text(api.xml("getRecordingTextTracks", ""), "messageKey")).isEqualTo("missingParamRecordID");
        // no recording for a recorded meeting nobody joined; none for record=false
        String mid = id("norec");
        api.create(mid, "&record=true");
        api.xml("end", "meetingID=" + mid);
        String mid2 = id("notrecorded");
        api.create(mid2, "");
        api.control("POST", "participants/add?meetingID=" + mid2 + "&count=1");
        api.xml("end", "meetingID=" + mid2);
        Thread.sleep(500);
        assertThat(text(api.xml("getRecordings", "meetingID=" + mid + "," + mid2 + "&state=any"), "messageKey")).isEqualTo("noRecordings");
    }

    @Test
    void paginationBlock() throws Exception {
        String course = "pag" + SEQ.incrementAndGet();
        for (int i = 0; i < 5; i++) {
            String mid = id("page");
            api.create(mid, "&record=true&meta_series=" + course);
            api.control("POST", "participants/add?meetingID=" + mid + "&count=1");
            api.xml("end", "meetingID=" + mid);
        }
        waitUntil("5 published", () -> count(api.xml("getRecordings", "meta_series=" + course), "recording") == 5, 10000);
        Document p = api.xml("getRecordings", "meta_series=" + course + "&offset=2&limit=2");
        assertThat(count(p, "recording")).isEqualTo(2);
        assertThat(text(p, "offset")).isEqualTo("2");
        assertThat(text(p, "limit")).isEqualTo("2");
        assertThat(text(p, "totalElements")).isEqualTo("5");
        assertThat(text(p, "paged")).isEqualTo("true");
        assertThat(text(p, "empty")).isEqualTo("false");
        assertThat(count(api.xml("getRecordings", "meta_series=" + course + "&offset=2"), "pagination")).isZero();
        assertThat(text(api.xml("getRecordings", "meta_series=" + course + "&limit=1000"), "limit")).isEqualTo("100");
        assertThat(text(api.xml("getRecordings", "meta_series=" + course + "&limit=0"), "limit")).isEqualTo("1");
        assertThat(count(api.xml("getRecordings", "meta_series=" + course + "&limit=abc"), "pagination")).isZero();
        assertThat(text(api.xml("getRecordings", "meta_series=" + course + "&limit=2&offset=-4"), "offset")).isEqualTo("0");
    }

    // ------------------------------------------------------------------ hooks + webhook events

    @Test
    void hooksAndSignedWebhookEvents() throws Exception {
        String mid = id("hook");
        String cb = receiverBase + "/hook/" + mid;
        Document created = api.xml("hooks/create", "callbackURL=" + enc(cb) + "&meetingID=" + mid);
        assertThat(text(created, "returncode")).isEqualTo("SUCCESS");
        String hookId = text(created, "hookID");
        assertThat(text(created, "permanentHook")).isEqualTo("false");
        assertThat(text(created, "rawData")).isEqualTo("false");
        Document dup = api.xml("hooks/create", "callbackURL=" + enc(cb));
        assertThat(text(dup, "messageKey")).isEqualTo("duplicateWarning");
        assertThat(text(dup, "hookID")).isEqualTo(hookId);
        assertThat(text(api.xml("hooks/create", ""), "messageKey")).isEqualTo("missingParamCallbackURL");
        Document list = api.xml("hooks/list", "meetingID=" + mid);
        assertThat(text(list, "callbackURL")).isEqualTo(cb);
        assertThat(text(list, "meetingID")).isEqualTo(mid);
        assertThat(api.call("hooks/list", "meetingID=" + mid, "sha1").body()).contains("<![CDATA[" + cb + "]]>");

        api.create(mid, "");
        String loc = api.joinAndConnect(mid, "Hook User", "MODERATOR");
        api.clientCall(loc, "leave");
        api.xml("end", "meetingID=" + mid);
        waitUntil("4 events", () -> receivedFor("/hook/" + mid).size() >= 4, 10000);
        List<String> ids = new java.util.ArrayList<>();
        for (String[] r : receivedFor("/hook/" + mid)) {
            assertThat(r[0]).isEqualTo("POST");
            String checksum = r[1].substring(r[1].indexOf("checksum=") + 9);
            assertThat(checksum).isEqualTo(hash("sha1", cb + r[2] + TestSupport.SECRET));
            Map<String, String> form = new java.util.HashMap<>();
            for (String kv : r[2].split("&")) {
                String[] p = kv.split("=", 2);
                form.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
            }
            assertThat(form).containsKeys("domain", "event", "timestamp");
            assertThat(form.get("domain")).isEqualTo("127.0.0.1");
            String ev = form.get("event");
            assertThat(ev).startsWith("[{\"data\":{\"type\":\"event\",\"id\":\"");
            assertThat(ev).contains("\"external-meeting-id\":\"" + mid + "\"").contains("\"event\":{\"ts\":");
            ids.add(ev.replaceAll("^\\[\\{\"data\":\\{\"type\":\"event\",\"id\":\"([a-z-]+)\".*$", "$1"));
            if (ev.contains("\"id\":\"user-joined\"")) {
                assertThat(ev).contains("\"name\":\"Hook User\"").contains("\"role\":\"MODERATOR\"").contains("\"internal-user-id\":\"w_");
            }
        }
        assertThat(ids).contains("meeting-created", "user-joined", "user-left", "meeting-ended");

        assertThat(text(api.xml("hooks/destroy", "hookID=" + hookId), "removed")).isEqualTo("true");
        assertThat(text(api.xml("hooks/destroy", "hookID=" + hookId), "messageKey")).isEqualTo("destroyMissingHook");
        assertThat(text(api.xml("hooks/destroy", ""), "messageKey")).isEqualTo("missingParamHookID");
        assertThat(api.raw("/bigbluebutton/api/hooks/ping").body()).isEqualTo("bbb-webhooks API up!");
    }

    @Test
    void endCallbackIsRetried() throws Exception {
        String mid = id("retry");
        failFirst.set(2);
        api.create(mid, "&meta_endCallbackUrl=" + enc(receiverBase + "/flaky/" + mid));
        api.xml("end", "meetingID=" + mid);
        // retries after 30 s and 60 s scaled by 120 = 250 ms, 500 ms
        waitUntil("3 attempts", () -> receivedFor("/flaky/" + mid).size() >= 3, 10000);
        Thread.sleep(400);
        assertThat(receivedFor("/flaky/" + mid)).hasSize(3);
    }

    // ------------------------------------------------------------------ control API

    @Test
    void controlApiNeedsTheSecret() throws Exception {
        HttpResponse<String> r = TestSupport.HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/control/counters")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain(TestSupport.SECRET);
        r = TestSupport.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/control/reset"))
                .header("X-Devserver-Secret", "wrong").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void simulatedParticipantsInBulk() throws Exception {
        String mid = id("bulk");
        api.create(mid, "");
        HttpResponse<String> r = api.control("POST", "participants/add?meetingID=" + mid + "&count=25&role=viewer&namePrefix=Student+");
        assertThat(r.body()).isEqualTo("{\"added\":25,\"participantCount\":25}");
        api.control("POST", "participants/add?meetingID=" + mid + "&count=2&role=MODERATOR&namePrefix=Teacher+");
        Document info = api.xml("getMeetingInfo", "meetingID=" + mid);
        assertThat(text(info, "participantCount")).isEqualTo("27");
        assertThat(text(info, "moderatorCount")).isEqualTo("2");
        assertThat(text(info, "running")).isEqualTo("true");
        assertThat(info.getElementsByTagName("fullName").item(0).getTextContent()).matches("(Student|Teacher) \\d+");
        r = api.control("POST", "participants/remove?meetingID=" + mid + "&count=20");
        assertThat(r.body()).contains("\"removed\":20");
        assertThat(text(api.xml("getMeetingInfo", "meetingID=" + mid), "participantCount")).isEqualTo("7");
        assertThat(api.control("POST", "participants/add?meetingID=nope&count=1").statusCode()).isEqualTo(404);
    }
}
