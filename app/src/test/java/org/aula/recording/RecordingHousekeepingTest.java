package org.aula.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.aula.bbb.Recording;
import org.aula.bbbaccess.BbbAccess;
import org.aula.conference.ConferenceFixtures;
import org.aula.conference.Rooms;
import org.aula.conference.WebSession;
import org.aula.devbbb.DevBbb;
import org.aula.settings.RecordingHousekeeping;
import org.aula.support.AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The plugin's housekeeping options: recordings deleted with their course, and after the retention period. */
class RecordingHousekeepingTest extends AppTest {

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
    @Autowired
    RecordingHousekeeping housekeeping;
    @Autowired
    RecordingHousekeepingJobs jobs;

    ConferenceFixtures f;
    RecordingFixtures recordings;

    @BeforeEach
    void setUp() {
        f = new ConferenceFixtures(jdbc, encoder, "hk");
        recordings = new RecordingFixtures(bbb, devBbb, repository, rooms);
    }

    @AfterEach
    void optionsOff() {
        housekeeping.save(new RecordingHousekeeping.Options(false, 0), null);
    }

    String bbbState(RecordedMeeting m) {
        return recordings.bbbRecording(m).map(Recording::state).orElse("none");
    }

    @Test
    void deletingACourseDeletesItsRecordingsInBbbWhenTheOptionIsOn() {
        housekeeping.save(new RecordingHousekeeping.Options(true, 0), f.admin);
        List<RecordedMeeting> meetings = recordings.recordedMeetings(f.courseId, "Course " + f.code, 2);
        sync.reconcile(meetings);
        String recordId = repository.ofMeeting(meetings.get(0).meetingId()).getFirst().recordId();

        WebSession admin = WebSession.login(port, f.admin, ConferenceFixtures.PASSWORD);
        assertThat(admin.post("/admin/courses/" + f.courseId + "/delete").statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(20)).until(() -> meetings.stream().allMatch(m -> "deleted".equals(bbbState(m))));
        await().atMost(Duration.ofSeconds(5)).until(() -> repository.recordIdsOfCourse(f.courseId).isEmpty());
        assertThat(jdbc.sql("select actor_name from audit_event where action = 'recording.delete' and target = ?")
                .param("recording:" + recordId).query(String.class).list()).containsExactly("system");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'settings.recording.housekeeping'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void withTheOptionOffACourseDeleteLeavesBbbAlone() {
        List<RecordedMeeting> meetings = recordings.recordedMeetings(f.courseId, "Course " + f.code, 1);
        sync.reconcile(meetings);

        WebSession admin = WebSession.login(port, f.admin, ConferenceFixtures.PASSWORD);
        assertThat(admin.post("/admin/courses/" + f.courseId + "/delete").statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(10)).until(() -> repository.recordIdsOfCourse(f.courseId).isEmpty());
        assertThat(bbbState(meetings.get(0))).isEqualTo("published");
    }

    @Test
    void retentionDeletesOnlyRecordingsOlderThanThePeriod() {
        List<RecordedMeeting> meetings = recordings.recordedMeetings(f.courseId, "Course " + f.code, 2);
        sync.reconcile(meetings);
        String old = repository.ofMeeting(meetings.get(0).meetingId()).getFirst().recordId();
        String recent = repository.ofMeeting(meetings.get(1).meetingId()).getFirst().recordId();
        jdbc.sql("update recording set end_time = end_time - interval '40 days' where record_id = ?").param(old).update();

        jobs.retain(Duration.ofDays(30));

        assertThat(bbbState(meetings.get(0))).isEqualTo("deleted");
        assertThat(repository.find(old)).isEmpty();
        assertThat(bbbState(meetings.get(1))).isEqualTo("published");
        assertThat(repository.find(recent)).isPresent();
    }
}
