package org.aula.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.aula.bbb.RecordingReadyCallback;
import org.aula.bbbaccess.BbbAccess;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.conference.ConferenceFixtures;
import org.aula.conference.Rooms;
import org.aula.conference.WebSession;
import org.aula.devbbb.DevBbb;
import org.aula.support.AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The recording index against the mounted devserver: the recording-ready callback's verification, reconciliation
 * cost and paging, the moderators' actions (index changes only after BBB confirmed), failures, and what students see.
 */
class RecordingIndexTest extends AppTest {

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
    RecordingRepository repository;
    @Autowired
    RecordingSync sync;

    ConferenceFixtures f;
    RecordingFixtures recordings;
    String list;

    @BeforeEach
    void setUp() {
        f = new ConferenceFixtures(jdbc, encoder, "rec");
        recordings = new RecordingFixtures(bbb, devBbb, repository, rooms);
        list = "/courses/" + f.code + "/videoconference/recordings";
    }

    @AfterEach
    void clearFaults() {
        recordings.clearFaults();
    }

    WebSession as(String username) {
        return WebSession.login(port, username, ConferenceFixtures.PASSWORD);
    }

    HttpResponse<String> callback(String signedParameters) {
        return new WebSession(port).postRaw("/callbacks/recordings/ready",
                signedParameters == null ? Map.of() : Map.of("signed_parameters", signedParameters));
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    int indexed(String recordId) {
        return jdbc.sql("select count(*) from recording where record_id = ?").param(recordId).query(Integer.class).single()
                + jdbc.sql("select count(*) from recording_format where record_id = ?").param(recordId)
                .query(Integer.class).single();
    }

    @Test
    void callbackIndexesOnlyVerifiedRecordingsOfAulasMeetings() {
        RecordedMeeting mine = recordings.recordedMeetings(f.courseId, "Course " + f.code, 1).getFirst();
        long otherCourse = jdbc.sql("select id from course where code = ?").param(f.code + "X").query(Long.class).single();
        RecordedMeeting other = recordings.recordedMeetings(otherCourse, "Other", 1).getFirst();
        String recordId = recordings.bbbRecording(mine).orElseThrow().recordId();
        String otherRecordId = recordings.bbbRecording(other).orElseThrow().recordId();
        String secret = devBbb.secret();
        String good = RecordingReadyCallback.sign(mine.bbbMeetingId(), recordId, secret);
        String[] parts = good.split("\\.");

        // Missing, garbage, wrong signature, alg none, missing claim: 401, nothing indexed.
        assertThat(callback(null).statusCode()).isEqualTo(401);
        assertThat(callback("not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(callback(RecordingReadyCallback.sign(mine.bbbMeetingId(), recordId, secret + "x")).statusCode())
                .isEqualTo(401);
        assertThat(callback(b64("{\"alg\":\"none\"}") + "." + parts[1] + ".").statusCode()).isEqualTo(401);
        assertThat(callback(b64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2]).statusCode()).isEqualTo(401);
        String onlyMeeting = signed("{\"meeting_id\":\"" + mine.bbbMeetingId() + "\"}", secret);
        assertThat(callback(onlyMeeting).statusCode()).isEqualTo(401);
        // Signed correctly but not Aula's meeting, or a recording of another meeting/course: 404, nothing indexed.
        assertThat(callback(RecordingReadyCallback.sign("not-aulas-meeting", recordId, secret)).statusCode())
                .isEqualTo(404);
        assertThat(callback(RecordingReadyCallback.sign(mine.bbbMeetingId(), otherRecordId, secret)).statusCode())
                .isEqualTo(404);
        assertThat(callback(RecordingReadyCallback.sign(other.bbbMeetingId(), recordId, secret)).statusCode())
                .isEqualTo(404);
        assertThat(indexed(recordId)).isZero();
        assertThat(indexed(otherRecordId)).isZero();

        double before = bbb.callCount("getRecordings");
        assertThat(callback(good).statusCode()).isEqualTo(200);
        assertThat(bbb.callCount("getRecordings") - before).isEqualTo(1);

        IndexedRecording r = repository.find(recordId).orElseThrow();
        assertThat(r.courseId()).isEqualTo(f.courseId);
        assertThat(r.state()).isEqualTo("published");
        assertThat(r.published()).isTrue();
        assertThat(r.participantCount()).isEqualTo(2);
        assertThat(r.startTime()).isNotNull();
        assertThat(r.formats()).isNotEmpty();
        assertThat(r.formats().getFirst().url()).contains(recordId);
        assertThat(indexed(otherRecordId)).isZero();
    }

    private static String signed(String payload, String secret) {
        try {
            String input = b64("{\"alg\":\"HS256\"}") + "." + b64(payload);
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reconciliationAsksAboutAtMost25MeetingsPerCallAndPages() {
        List<RecordedMeeting> meetings = recordings.recordedMeetings(f.courseId, "Course " + f.code, 30);

        long devBefore = recordings.devCount("getRecordings");
        double before = bbb.callCount("getRecordings");
        RecordingSync.Outcome full = sync.reconcile(meetings);
        // ceil(30 / 25) = 2 calls, each batch fits one page of 100.
        assertThat(full.calls()).isEqualTo(2);
        assertThat(bbb.callCount("getRecordings") - before).isEqualTo(2);
        assertThat(recordings.devCount("getRecordings") - devBefore).isEqualTo(2);
        assertThat(full.saved()).isEqualTo(30);
        for (RecordedMeeting m : meetings) {
            assertThat(repository.ofMeeting(m.meetingId())).hasSize(1);
        }

        // Pages of 10: batch 1 (25 recordings) takes 3 pages, batch 2 (5) one.
        before = bbb.callCount("getRecordings");
        RecordingSync.Outcome paged = sync.reconcile(meetings, 10);
        assertThat(paged.calls()).isEqualTo(4);
        assertThat(bbb.callCount("getRecordings") - before).isEqualTo(4);
        assertThat(paged.saved()).isEqualTo(30);
        assertThat(paged.gone()).isZero();
    }

    @Test
    void reconciliationHidesRecordingsBbbNoLongerHasButNotAfterAFailedCall() {
        List<RecordedMeeting> meetings = recordings.recordedMeetings(f.courseId, "Course " + f.code, 2);
        sync.reconcile(meetings);
        String deletedInBbb = repository.ofMeeting(meetings.get(0).meetingId()).getFirst().recordId();
        bbb.call("deleteRecordings", c -> c.deleteRecordings(List.of(deletedInBbb)));

        // A failed answer proves nothing: the pass stops and hides nothing.
        recordings.fail("getRecordings", 1);
        assertThatThrownBy(() -> sync.reconcile(meetings)).isInstanceOf(BbbUnavailableException.class);
        assertThat(repository.find(deletedInBbb).orElseThrow().state()).isEqualTo("published");
        recordings.clearFaults();

        RecordingSync.Outcome ok = sync.reconcile(meetings);
        assertThat(ok.gone()).isEqualTo(1);
        assertThat(repository.find(deletedInBbb).orElseThrow().state()).isEqualTo("deleted");
        assertThat(repository.ofMeeting(meetings.get(1).meetingId())).hasSize(1);
        WebSession teacher = as(f.teacher);
        assertThat(teacher.get(list).body()).doesNotContain(deletedInBbb);
    }

    @Test
    void studentsSeeAndPlayPublishedRecordingsOnlyAndRenderingMakesNoBbbCall() {
        List<RecordedMeeting> meetings = recordings.recordedMeetings(f.courseId, "Course " + f.code, 2);
        sync.reconcile(meetings);
        String published = repository.ofMeeting(meetings.get(0).meetingId()).getFirst().recordId();
        String hidden = repository.ofMeeting(meetings.get(1).meetingId()).getFirst().recordId();
        WebSession teacher = as(f.teacher);
        assertThat(teacher.post(list + "/" + hidden + "/unpublish").statusCode()).isEqualTo(302);
        assertThat(recordings.bbbRecording(meetings.get(1)).orElseThrow().published()).isFalse();

        WebSession student = as(f.student);
        long devBefore = recordings.devCount("getRecordings");
        double before = bbb.callCount("getRecordings") + bbb.callCount("getMeetingInfo");
        HttpResponse<String> studentList = student.get(list);
        HttpResponse<String> teacherList = teacher.get(list);
        HttpResponse<String> toolPage = student.get("/courses/" + f.code + "/videoconference");
        assertThat(bbb.callCount("getRecordings") + bbb.callCount("getMeetingInfo") - before).isZero();
        assertThat(recordings.devCount("getRecordings") - devBefore).isZero();

        assertThat(toolPage.body()).contains("id=\"vc-recordings\"");
        assertThat(studentList.statusCode()).isEqualTo(200);
        assertThat(studentList.body()).contains(published).doesNotContain(hidden);
        assertThat(teacherList.body()).contains(published).contains(hidden);
        assertThat(student.get(list + "/" + published + "/play/presentation").statusCode()).isEqualTo(302);
        assertThat(student.get(list + "/" + hidden + "/play/presentation").statusCode()).isEqualTo(404);
        assertThat(teacher.get(list + "/" + hidden + "/play/presentation").statusCode()).isEqualTo(302);
        // Students cannot act; outsiders and other courses' teachers do not even see it.
        assertThat(student.post(list + "/" + hidden + "/publish").statusCode()).isEqualTo(403);
        assertThat(as(f.outsider).get(list).statusCode()).isEqualTo(404);
        WebSession otherTeacher = as(f.otherTeacher);
        String otherList = "/courses/" + f.code + "X/videoconference/recordings";
        assertThat(otherTeacher.post(otherList + "/" + hidden + "/publish").statusCode()).isEqualTo(404);
        assertThat(otherTeacher.get(otherList + "/" + hidden + "/play/presentation").statusCode()).isEqualTo(404);
        assertThat(repository.find(hidden).orElseThrow().published()).isFalse();

        // The poll: unchanged list → 204 without a body.
        String version = repository.versionOfRoom(meetings.get(0).roomId(), true);
        HttpResponse<String> poll = student.get(list + "?since=" + version);
        assertThat(poll.statusCode()).isEqualTo(204);
    }

    @Test
    void actionsChangeTheIndexOnlyAfterBbbConfirms() {
        List<RecordedMeeting> meetings = recordings.recordedMeetings(f.courseId, "Course " + f.code, 2);
        sync.reconcile(meetings);
        String recordId = repository.ofMeeting(meetings.get(0).meetingId()).getFirst().recordId();
        WebSession teacher = as(f.teacher);

        // BBB fails: nothing changes, and the teacher is told.
        recordings.fail("publishRecordings", 1);
        HttpResponse<String> failed = teacher.post(list + "/" + recordId + "/unpublish");
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(teacher.get("/courses/" + f.code + "/videoconference").body())
                .contains("The conference server cannot be reached. Nothing was changed");
        assertThat(repository.find(recordId).orElseThrow().published()).isTrue();
        assertThat(recordings.bbbRecording(meetings.get(0)).orElseThrow().published()).isTrue();

        // Unpublish, publish, rename, delete: BBB first, then the index, audited.
        assertThat(act(teacher, recordId + "/unpublish", Map.of())).contains("students cannot watch it");
        assertThat(recordings.bbbRecording(meetings.get(0)).orElseThrow().state()).isEqualTo("unpublished");
        assertThat(repository.find(recordId).orElseThrow().published()).isFalse();
        assertThat(act(teacher, recordId + "/publish", Map.of())).contains("students can watch it");
        assertThat(recordings.bbbRecording(meetings.get(0)).orElseThrow().published()).isTrue();
        assertThat(repository.find(recordId).orElseThrow().published()).isTrue();

        assertThat(act(teacher, recordId + "/rename", Map.of("name", "Week 1: limits", "description", "Epsilons")))
                .contains("was renamed");
        assertThat(recordings.bbbRecording(meetings.get(0)).orElseThrow().metadata())
                .containsEntry("name", "Week 1: limits").containsEntry("description", "Epsilons");
        IndexedRecording renamed = repository.find(recordId).orElseThrow();
        assertThat(renamed.name()).isEqualTo("Week 1: limits");
        assertThat(renamed.description()).isEqualTo("Epsilons");
        // A later reconciliation keeps the new name (read back from BBB's metadata).
        sync.reconcile(meetings);
        assertThat(repository.find(recordId).orElseThrow().name()).isEqualTo("Week 1: limits");

        assertThat(act(teacher, recordId + "/delete", Map.of())).contains("was deleted");
        assertThat(recordings.bbbRecording(meetings.get(0)).orElseThrow().state()).isEqualTo("deleted");
        assertThat(repository.find(recordId)).isEmpty();
        assertThat(jdbc.sql("select action from audit_event where target = ? order by id")
                .param("recording:" + recordId).query(String.class).list())
                .containsExactly("recording.unpublish", "recording.publish", "recording.rename", "recording.delete");

        // Already gone in BBB (notFound): removed from the index, reported as such.
        String second = repository.ofMeeting(meetings.get(1).meetingId()).getFirst().recordId();
        bbb.call("deleteRecordings", c -> c.deleteRecordings(List.of(second)));
        assertThat(act(teacher, second + "/unpublish", Map.of())).contains("no longer has this recording");
        assertThat(repository.find(second)).isEmpty();
    }

    /** Posts an action and returns the tool page it leads back to (with the flash message). */
    private String act(WebSession session, String action, Map<String, String> form) {
        HttpResponse<String> r = session.post(list + "/" + action, form);
        assertThat(r.statusCode()).isEqualTo(302);
        return session.get(r.headers().firstValue("Location").orElseThrow()).body();
    }

    @Test
    void courseSettingsPageIsForTeachersAndSendsTheRecordingOptions() {
        String page = "/courses/" + f.code + "/settings";
        assertThat(as(f.outsider).get(page).statusCode()).isEqualTo(404);
        assertThat(as(f.student).get(page).statusCode()).isEqualTo(403);
        assertThat(as(f.coach).get(page).statusCode()).isEqualTo(403);
        assertThat(as(f.admin).get(page).statusCode()).isEqualTo(200);
        WebSession teacher = as(f.teacher);
        HttpResponse<String> form = teacher.get(page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"recording-enabled\"").doesNotContain("id=\"recording-locked\"");
        assertThat(teacher.get("/courses/" + f.code + "/videoconference").body()).doesNotContain("vc-recording-notice");

        assertThat(teacher.post(page + "/recording", Map.of("enabled", "true", "autoStart", "true")).statusCode())
                .isEqualTo(302);
        assertThat(teacher.get("/courses/" + f.code + "/videoconference").body()).contains("vc-recording-notice");
        assertThat(as(f.student).get("/courses/" + f.code + "/videoconference").body()).contains("vc-recording-notice");
        assertThat(jdbc.sql("select name, value from course_setting where course_id = ? order by name")
                .param(f.courseId).query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list())
                .containsExactly("recording.allow-start-stop=false", "recording.auto-start=true",
                        "recording.enabled=true");
        assertThat(as(f.student).post(page + "/recording", Map.of("enabled", "false")).statusCode()).isEqualTo(403);
    }
}
