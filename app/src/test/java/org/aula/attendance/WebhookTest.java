package org.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.aula.bbb.Checksum;
import org.aula.bbb.ChecksumAlgorithm;
import org.aula.bbb.Hook;
import org.aula.bbbaccess.BbbAccess;
import org.aula.conference.ConferenceFixtures;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.support.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The webhook endpoint (signature check, events to intervals) and the hook registration with the devserver. */
class WebhookTest extends AppTest {

    @LocalServerPort
    int port;
    @Autowired
    WebhookRegistration registration;
    @Autowired
    VideoconferenceSettingsService settings;
    @Autowired
    AttendanceRepository repository;
    @Autowired
    BbbAccess bbb;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    final HttpClient http = HttpClient.newHttpClient();
    ConferenceFixtures f;
    long meeting;
    String bbbMeetingId;
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

    @BeforeEach
    void setUp() {
        f = new ConferenceFixtures(jdbc, encoder, "hook");
        var data = new AttendanceTestData(jdbc);
        meeting = data.meeting(data.courseRoom(f.courseId), t0);
        bbbMeetingId = data.bbbMeetingId(meeting);
    }

    /** A body as bbb-webhooks (and the devserver) sends it. */
    String body(String event, String internalUserId, String externalUserId, String name, String role, Instant at) {
        String user = event.startsWith("user-") ? ",\"user\":{\"internal-user-id\":\"" + internalUserId
                + "\",\"external-user-id\":\"" + externalUserId + "\",\"name\":\"" + name + "\",\"role\":\"" + role
                + "\",\"presenter\":false}" : "";
        String json = "[{\"data\":{\"type\":\"event\",\"id\":\"" + event + "\",\"attributes\":{\"meeting\":"
                + "{\"internal-meeting-id\":\"int-1\",\"external-meeting-id\":\"" + bbbMeetingId + "\"}" + user
                + "},\"event\":{\"ts\":" + at.toEpochMilli() + "}}}]";
        return "domain=" + URLEncoder.encode("bbb.example", StandardCharsets.UTF_8) + "&event="
                + URLEncoder.encode(json, StandardCharsets.UTF_8) + "&timestamp=" + at.toEpochMilli();
    }

    int post(String body, String checksum) throws Exception {
        String url = "http://localhost:" + port + "/callbacks/webhooks" + (checksum == null ? "" : "?checksum=" + checksum);
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    String sign(String body, ChecksumAlgorithm algorithm) {
        return Checksum.of(algorithm, registration.callbackUrl(), body, settings.current().secret());
    }

    @Test
    void signedEventsBecomeIntervals() throws Exception {
        String student = Long.toString(f.userId(f.student));
        String join = body("user-joined", "w_abc", student, "Stu", "VIEWER", t0.plusSeconds(60));
        assertThat(post(join, sign(join, ChecksumAlgorithm.SHA1))).isEqualTo(200);
        assertThat(post(join, sign(join, ChecksumAlgorithm.SHA1))).isEqualTo(200); // retried delivery
        String leave = body("user-left", "w_abc", student, "Stu", "VIEWER", t0.plusSeconds(60 + 8 * 60));
        assertThat(post(leave, sign(leave, ChecksumAlgorithm.SHA256))).isEqualTo(200); // hookChecksumAlgorithm sha256
        String teacherJoin = body("user-joined", "w_t", "x-1", "Guest <i>", "MODERATOR", t0);
        assertThat(post(teacherJoin, sign(teacherJoin, ChecksumAlgorithm.SHA1))).isEqualTo(200);
        String ended = body("meeting-ended", null, null, null, null, t0.plusSeconds(20 * 60));
        assertThat(post(ended, sign(ended, ChecksumAlgorithm.SHA1))).isEqualTo(200);

        List<AttendanceInterval> intervals = repository.ofMeeting(meeting);
        assertThat(intervals).hasSize(2).noneMatch(AttendanceInterval::isOpen)
                .allMatch(i -> i.source().equals(AttendanceInterval.WEBHOOK));
        assertThat(intervals.get(0).fullName()).isEqualTo("Guest <i>");
        assertThat(intervals.get(0).role()).isEqualTo("MODERATOR");
        assertThat(intervals.get(0).userId()).isNull();
        assertThat(intervals.get(0).leftAt()).isEqualTo(t0.plusSeconds(20 * 60));
        assertThat(intervals.get(1).userId()).isEqualTo(f.userId(f.student));
        assertThat(intervals.get(1).joinedAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(intervals.get(1).leftAt()).isEqualTo(t0.plusSeconds(9 * 60));
    }

    @Test
    void badOrMissingSignatureIs401AndStoresNothing() throws Exception {
        String join = body("user-joined", "w_bad", "x-2", "Mallory", "MODERATOR", t0);
        String good = sign(join, ChecksumAlgorithm.SHA1);
        String wrongSecret = Checksum.of(ChecksumAlgorithm.SHA1, registration.callbackUrl(), join, "not-the-secret");
        String otherBody = sign(body("user-joined", "w_bad", "x-2", "Mallory", "VIEWER", t0), ChecksumAlgorithm.SHA1);

        assertThat(post(join, null)).isEqualTo(401);
        assertThat(post(join, "")).isEqualTo(401);
        assertThat(post(join, wrongSecret)).isEqualTo(401);
        assertThat(post(join, otherBody)).isEqualTo(401);
        assertThat(post(join, good.substring(1) + "0")).isEqualTo(401);
        assertThat(repository.ofMeeting(meeting)).isEmpty();
        assertThat(post(join, good.toUpperCase())).isEqualTo(200); // hex case does not matter
        assertThat(repository.ofMeeting(meeting)).hasSize(1);
    }

    @Test
    void eventsOfUnknownMeetingsAreAcceptedAndIgnored() throws Exception {
        bbbMeetingId = "someone-elses-meeting";
        String join = body("user-joined", "w_1", "1", "X", "VIEWER", t0);
        assertThat(post(join, sign(join, ChecksumAlgorithm.SHA1))).isEqualTo(200);
    }

    @Test
    void oneGlobalHookIsRegisteredWithTheServerAndNotDuplicated() {
        await().atMost(Duration.ofSeconds(10)).until(registration::receivingEvents);
        registration.ensureHook();
        registration.ensureHook();

        List<Hook> ours = bbb.call("hooks/list", c -> c.listHooks(null)).stream()
                .filter(h -> h.callbackUrl().equals(registration.callbackUrl())).toList();
        assertThat(ours).singleElement().satisfies(h -> assertThat(h.isGlobal()).isTrue());
        assertThat(registration.callbackUrl()).isEqualTo("http://localhost:" + port + "/callbacks/webhooks")
                .doesNotContain("token").doesNotContain(settings.current().secret());
    }
}
