package org.aula.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.aula.bbb.MeetingInfo;
import org.aula.bbbaccess.BbbAccess;
import org.aula.devbbb.DevBbb;
import org.aula.support.AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.ConfigurableApplicationContext;

/** Start / join / end / refresh / callback of a course room against the mounted devserver. */
class ConferenceFlowTest extends AppTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DevBbb devBbb;
    @Autowired
    BbbAccess bbb;
    @Autowired
    Rooms rooms;
    @Autowired
    ConfigurableApplicationContext context;

    ConferenceFixtures f;
    DevBbbControl control;
    String tool;

    @BeforeEach
    void setUp() {
        PublishedEvents.listenTo(context);
        f = new ConferenceFixtures(jdbc, encoder, "flow");
        control = new DevBbbControl(devBbb);
        tool = "/courses/" + f.code + "/videoconference";
    }

    @AfterEach
    void clearFaults() {
        control.clearFaults();
    }

    WebSession as(String username) {
        return WebSession.login(port, username, ConferenceFixtures.PASSWORD);
    }

    @Test
    void teacherStartsAndJoinsAsModeratorWithAMeetingNamingTheCourse() {
        WebSession teacher = as(f.teacher);
        HttpResponse<String> start = teacher.post(tool + "/start");

        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> join = query(start.headers().firstValue("Location").orElseThrow());
        // on the host name the browser used for Aula (here localhost)
        assertThat(start.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:" + port + "/devbbb/bigbluebutton/api/join?");
        assertThat(join).containsEntry("role", "MODERATOR").containsEntry("fullName", "Tess Teacher")
                .containsEntry("userID", Long.toString(f.userId(f.teacher))).containsKey("createTime")
                .doesNotContainKey("password");
        String meetingId = join.get("meetingID");
        assertThat(meetingId).hasSize(32).matches("[A-Za-z0-9_-]+");

        Meeting meeting = rooms.meetingByBbbId(meetingId).orElseThrow();
        assertThat(meeting.state()).isEqualTo(MeetingState.OPEN);
        assertThat(meeting.record()).isFalse();
        assertThat(meeting.startedBy()).isEqualTo(f.userId(f.teacher));
        assertThat(join.get("createTime")).isEqualTo(Long.toString(meeting.createTime()));
        assertThat(PublishedEvents.of(MeetingStarted.class).filter(e -> e.bbbMeetingId().equals(meetingId))).hasSize(1);

        MeetingInfo info = bbb.call("getMeetingInfo", c -> c.getMeetingInfo(meetingId));
        assertThat(info.metadata()).containsEntry("aula-course", f.code).containsEntry("bbb-origin", "Aula")
                .containsEntry("aula-room", "course:" + f.courseId)
                .containsEntry("bbb-recording-ready-url", teacher.url("/callbacks/recordings/ready"));
        assertThat(info.metadata().keySet()).noneMatch(k -> k.toLowerCase().contains("ended"));
        assertThat(info.recording()).isFalse();

        // A second start joins the open room instead of creating another meeting.
        Map<String, String> again = query(teacher.post(tool + "/start").headers().firstValue("Location").orElseThrow());
        assertThat(again.get("meetingID")).isEqualTo(meetingId);

        teacher.post(tool + "/end");
    }

    @Test
    void studentsJoinAsViewersOnlyWhileTheRoomIsOpen() {
        WebSession student = as(f.student);
        HttpResponse<String> early = student.post(tool + "/join");
        assertThat(early.statusCode()).isEqualTo(302);
        assertThat(early.headers().firstValue("Location").orElseThrow()).endsWith("/courses/" + f.code);
        assertThat(student.get("/courses/" + f.code).body()).contains("not open yet");

        WebSession teacher = as(f.teacher);
        String meetingId = query(teacher.post(tool + "/start").headers().firstValue("Location").orElseThrow())
                .get("meetingID");

        Map<String, String> join = query(student.post(tool + "/join").headers().firstValue("Location").orElseThrow());
        assertThat(join).containsEntry("role", "VIEWER").containsEntry("meetingID", meetingId)
                .containsEntry("userID", Long.toString(f.userId(f.student)));
        Map<String, String> coachJoin = query(as(f.coach).post(tool + "/join").headers().firstValue("Location").orElseThrow());
        assertThat(coachJoin).containsEntry("role", "MODERATOR");

        assertThat(student.post(tool + "/start").statusCode()).isEqualTo(403);
        assertThat(student.post(tool + "/end").statusCode()).isEqualTo(403);
        assertThat(rooms.meetingByBbbId(meetingId).orElseThrow().isOpen()).isTrue();
        teacher.post(tool + "/end");
    }

    @Test
    void endClosesTheRoomAtOnceAndPublishesMeetingEnded() {
        WebSession teacher = as(f.teacher);
        String meetingId = query(teacher.post(tool + "/start").headers().firstValue("Location").orElseThrow())
                .get("meetingID");
        assertThat(teacher.get(tool).body()).contains("id=\"vc-room-open\"");

        HttpResponse<String> end = teacher.post(tool + "/end");
        assertThat(end.statusCode()).isEqualTo(302);
        assertThat(teacher.get(tool).body()).contains("id=\"vc-room-closed\"").contains("Tess Teacher");
        Meeting meeting = rooms.meetingByBbbId(meetingId).orElseThrow();
        assertThat(meeting.state()).isEqualTo(MeetingState.ENDED);
        assertThat(meeting.endedAt()).isNotNull();
        assertThat(meeting.endReason()).isEqualTo(MeetingEnded.ENDED_BY_MODERATOR);
        assertThat(PublishedEvents.of(MeetingEnded.class).filter(e -> e.bbbMeetingId().equals(meetingId))).hasSize(1);
        // The devserver still calls meetingEndedURL afterwards; that must not publish a second MeetingEnded.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(PublishedEvents.of(MeetingEnded.class).filter(e -> e.bbbMeetingId().equals(meetingId))).hasSize(1));
    }

    @Test
    void renderingTheToolPageNeverCallsBbbAndTheRefreshIsOnePerRoom() {
        WebSession teacher = as(f.teacher);
        String meetingId = query(teacher.post(tool + "/start").headers().firstValue("Location").orElseThrow())
                .get("meetingID");
        control.addParticipants(meetingId, 3);
        var viewers = new WebSession[] {as(f.student), as(f.coach), as(f.sessionStudent), teacher};

        Map<String, Long> before = new HashMap<>(devBbb.counters());
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            assertThat(viewers[i % viewers.length].get(tool).statusCode()).isEqualTo(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> after = devBbb.counters();
        for (String call : new String[] {"create", "join", "isMeetingRunning", "getMeetings", "end", "version"}) {
            assertThat(after.getOrDefault(call, 0L)).as(call).isEqualTo(before.getOrDefault(call, 0L));
        }
        // Only the scheduled refresher calls getMeetingInfo: at most one call per open room per 5 s.
        long infoCalls = after.getOrDefault("getMeetingInfo", 0L) - before.getOrDefault("getMeetingInfo", 0L);
        long openRooms = rooms.roomsOfCourse(f.courseId).size();
        assertThat(infoCalls).isLessThanOrEqualTo((long) Math.ceil(seconds / 5 + 1) * Math.max(openRooms, 1) + 2);

        // The refresher brings BBB's participant count into Aula's state (4 = 3 simulated + none real).
        await().atMost(Duration.ofSeconds(12)).untilAsserted(() ->
                assertThat(teacher.get(tool).body()).contains("3 participants"));
        teacher.post(tool + "/end");
    }

    @Test
    void aMeetingBbbNoLongerKnowsIsClosedByTheRefresher() {
        WebSession teacher = as(f.teacher);
        String meetingId = query(teacher.post(tool + "/start").headers().firstValue("Location").orElseThrow())
                .get("meetingID");
        Meeting meeting = rooms.meetingByBbbId(meetingId).orElseThrow();
        // BBB forgets the meeting without calling back (server restart, expiry): only the refresher can notice.
        control.post("reset", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(rooms.state(meeting.roomId()).open()).isFalse();
            assertThat(rooms.meeting(meeting.id()).orElseThrow().state()).isEqualTo(MeetingState.ENDED);
        });
        assertThat(rooms.meeting(meeting.id()).orElseThrow().endReason()).isEqualTo(MeetingEnded.EXPIRED);
        assertThat(teacher.get(tool).body()).contains("id=\"vc-room-closed\"");
    }

    @Test
    void theEndCallbackNeedsItsTokenAndIsIdempotent() {
        WebSession teacher = as(f.teacher);
        String meetingId = query(teacher.post(tool + "/start").headers().firstValue("Location").orElseThrow())
                .get("meetingID");
        Meeting meeting = rooms.meetingByBbbId(meetingId).orElseThrow();
        WebSession bbbServer = new WebSession(port);

        assertThat(bbbServer.get("/callbacks/meetings/" + meetingId + "/ended").statusCode()).isEqualTo(404);
        assertThat(bbbServer.get("/callbacks/meetings/" + meetingId + "/ended?token=forged").statusCode()).isEqualTo(404);
        String otherToken = tokenFromCreate("otherMeetingIdXYZ");
        assertThat(bbbServer.get("/callbacks/meetings/" + meetingId + "/ended?token=" + otherToken).statusCode())
                .isEqualTo(404);
        assertThat(rooms.meeting(meeting.id()).orElseThrow().isOpen()).isTrue();
        assertThat(rooms.state(meeting.roomId()).open()).isTrue();

        String token = tokenFromCreate(meetingId);
        assertThat(bbbServer.get("/callbacks/meetings/" + meetingId + "/ended?token=" + token).statusCode()).isEqualTo(200);
        assertThat(bbbServer.get("/callbacks/meetings/" + meetingId + "/ended?token=" + token).statusCode()).isEqualTo(200);
        assertThat(rooms.meeting(meeting.id()).orElseThrow().endReason()).isEqualTo(MeetingEnded.ENDED_IN_BBB);
        assertThat(rooms.state(meeting.roomId()).open()).isFalse();
        assertThat(PublishedEvents.of(MeetingEnded.class).filter(e -> e.bbbMeetingId().equals(meetingId))).hasSize(1);
        bbb.call("end", c -> {
            c.end(meetingId);
            return null;
        });
    }

    @Autowired
    MeetingCallbacks callbacks;

    private String tokenFromCreate(String meetingId) {
        String url = callbacks.meetingEndedUrl("http://x", meetingId);
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    @Test
    void whenBbbFailsStartSaysSoAndThePageStillRendersQuickly() {
        WebSession teacher = as(f.teacher);
        control.fail("create", "http500", 3_000);
        HttpResponse<String> start = teacher.post(tool + "/start");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith(tool);
        String page = teacher.get(tool).body();
        assertThat(page).contains("id=\"error\"").contains("could not be started").doesNotContain("Exception")
                .contains("id=\"vc-room-closed\"").contains("id=\"vc-unavailable\"");
        assertThat(rooms.meetingsOfCourse(f.courseId, 10)).isEmpty();

        // A slow BBB does not slow the page down: rendering does not call it.
        control.clearFaults();
        control.delay("*", 4_000);
        long t0 = System.nanoTime();
        assertThat(teacher.get(tool).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    static Map<String, String> query(String url) {
        var map = new HashMap<String, String>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }
}
