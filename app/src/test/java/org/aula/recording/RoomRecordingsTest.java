package org.aula.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.aula.bbbaccess.BbbAccess;
import org.aula.conference.ConferenceFixtures;
import org.aula.conference.Room;
import org.aula.conference.Rooms;
import org.aula.conference.WebSession;
import org.aula.support.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Recordings of the room kinds other than the course room (/rooms/{roomId}/recordings): each session room lists its
 * own, for the session's coach and (published only) its students; a personal room's for its owner and admins only.
 * Rows go straight into the index; listing makes no BBB call.
 */
class RoomRecordingsTest extends AppTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Rooms rooms;
    @Autowired
    RecordingRepository repository;
    @Autowired
    BbbAccess bbb;

    ConferenceFixtures f;

    @BeforeEach
    void setUp() {
        f = new ConferenceFixtures(jdbc, encoder, "rrec");
    }

    WebSession as(String username) {
        return WebSession.login(port, username, ConferenceFixtures.PASSWORD);
    }

    String indexed(Room room, boolean published, int minutesAgo) {
        String id = "rrec-" + UUID.randomUUID();
        Instant start = Instant.now().minus(minutesAgo, ChronoUnit.MINUTES);
        repository.save(new IndexedRecording(id, 0, room.id(), room.courseId(), "bbb-" + id, "Rec " + id, null,
                published ? "published" : "unpublished", published, start, start.plus(30, ChronoUnit.MINUTES), 30, 2,
                0, Instant.now(), List.of(new IndexedRecording.Format("presentation",
                        "https://bbb.example/playback/" + id, 30, 0, List.of()))));
        return id;
    }

    @Test
    void sessionRoomListsItsOwnRecordingsForCoachAndSessionStudentsOnly() {
        long sessionId = jdbc.sql("select id from course_session where course_id = ? and name = 'Session 1'")
                .param(f.courseId).query(Long.class).single();
        String page = "/courses/" + f.code + "/sessions/" + sessionId + "/room";
        WebSession coach = as(f.coach);
        HttpResponse<String> roomPage = coach.get(page);
        assertThat(roomPage.statusCode()).isEqualTo(200);
        Room room = rooms.roomByContextKey("session:" + sessionId).orElseThrow();
        assertThat(roomPage.body()).contains("id=\"vc-recordings\"").contains("/rooms/" + room.id() + "/recordings");

        String published = indexed(room, true, 60);
        String hidden = indexed(room, false, 30);
        Room courseRoom = rooms.courseRoom(f.courseId, "Course " + f.code);
        String courseRecording = indexed(courseRoom, true, 10);
        String list = "/rooms/" + room.id() + "/recordings";

        double before = bbb.callCount("getRecordings") + bbb.callCount("getMeetingInfo");
        HttpResponse<String> coachList = coach.get(list);
        WebSession sessionStudent = as(f.sessionStudent);
        HttpResponse<String> studentList = sessionStudent.get(list);
        assertThat(bbb.callCount("getRecordings") + bbb.callCount("getMeetingInfo") - before).isZero();

        assertThat(coachList.statusCode()).isEqualTo(200);
        // newest first, the course room's recording is not the session's
        assertThat(coachList.body()).contains(published, hidden).doesNotContain(courseRecording);
        assertThat(coachList.body().indexOf(hidden)).isLessThan(coachList.body().indexOf(published));
        assertThat(coachList.body()).contains(list + "/" + hidden + "/publish");
        assertThat(studentList.statusCode()).isEqualTo(200);
        assertThat(studentList.body()).contains(published).doesNotContain(hidden).doesNotContain("/publish");

        assertThat(sessionStudent.get(list + "/" + published + "/play/presentation").statusCode()).isEqualTo(302);
        assertThat(sessionStudent.get(list + "/" + hidden + "/play/presentation").statusCode()).isEqualTo(404);
        assertThat(coach.get(list + "/" + hidden + "/play/presentation").statusCode()).isEqualTo(302);
        assertThat(coach.get(list + "/" + courseRecording + "/play/presentation").statusCode()).isEqualTo(404);
        assertThat(sessionStudent.post(list + "/" + hidden + "/publish").statusCode()).isEqualTo(403);

        // A course student outside the session: 403, like the room page; an outsider: 404.
        WebSession courseStudent = as(f.student);
        assertThat(courseStudent.get(page).statusCode()).isEqualTo(403);
        assertThat(courseStudent.get(list).statusCode()).isEqualTo(403);
        assertThat(courseStudent.get(list + "/" + published + "/play/presentation").statusCode()).isEqualTo(403);
        WebSession outsider = as(f.outsider);
        assertThat(outsider.get(list).statusCode()).isEqualTo(404);
        assertThat(outsider.post(list + "/" + hidden + "/publish").statusCode()).isEqualTo(404);
        assertThat(as(f.otherCoach).get(list).statusCode()).isEqualTo(404);
        assertThat(repository.find(hidden).orElseThrow().published()).isFalse();
    }

    @Test
    void personalRoomRecordingsAreForTheOwnerAndAdminsOnly() {
        WebSession owner = as(f.teacher);
        HttpResponse<String> roomPage = owner.get("/rooms/personal");
        assertThat(roomPage.statusCode()).isEqualTo(200);
        Room room = rooms.roomByContextKey("personal:" + f.userId(f.teacher)).orElseThrow();
        assertThat(roomPage.body()).contains("id=\"vc-recordings\"");
        String published = indexed(room, true, 60);
        String hidden = indexed(room, false, 30);
        String list = "/rooms/" + room.id() + "/recordings";

        assertThat(owner.get(list).body()).contains(published, hidden);
        HttpResponse<String> adminList = as(f.admin).get(list);
        assertThat(adminList.statusCode()).isEqualTo(200);
        assertThat(adminList.body()).contains(published, hidden);

        // Anyone else, with or without the shared link, sees nothing, not even published ones.
        WebSession visitor = as(f.student);
        assertThat(visitor.get(list).statusCode()).isEqualTo(404);
        assertThat(visitor.get(list + "/" + published + "/play/presentation").statusCode()).isEqualTo(404);
        assertThat(visitor.post(list + "/" + published + "/unpublish").statusCode()).isEqualTo(404);
        String shared = jdbc.sql("select value from room_option where room_id = ? and name = 'share-token'")
                .param(room.id()).query(String.class).optional().map(t -> "/rooms/shared/" + t).orElse(null);
        if (shared != null) {
            HttpResponse<String> visitorPage = visitor.get(shared);
            assertThat(visitorPage.statusCode()).isEqualTo(200);
            assertThat(visitorPage.body()).doesNotContain("id=\"vc-recordings\"");
        }
        assertThat(repository.find(published).orElseThrow().published()).isTrue();
    }
}
