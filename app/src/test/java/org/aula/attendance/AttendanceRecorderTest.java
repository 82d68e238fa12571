package org.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.aula.conference.ConferenceFixtures;
import org.aula.support.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Building intervals from webhook events and from successive attendee lists (polling), against PostgreSQL. */
class AttendanceRecorderTest extends AppTest {

    @Autowired
    AttendanceRecorder recorder;
    @Autowired
    AttendanceRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    ConferenceFixtures f;
    AttendanceTestData data;
    long meeting;
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));

    @BeforeEach
    void setUp() {
        f = new ConferenceFixtures(jdbc, encoder, "rec");
        data = new AttendanceTestData(jdbc);
        meeting = data.meeting(data.courseRoom(f.courseId), t0);
    }

    Instant at(int minutes) {
        return t0.plus(Duration.ofMinutes(minutes));
    }

    String studentId() {
        return Long.toString(f.userId(f.student));
    }

    PersonAttendance only(Instant cutOff) {
        List<PersonAttendance> people = PersonAttendance.of(repository.ofMeeting(meeting), cutOff);
        assertThat(people).hasSize(1);
        return people.getFirst();
    }

    @Test
    void joinLeaveAndRejoinGiveTwoIntervalsAndTheirMinutes() {
        recorder.joined(meeting, "w_1", studentId(), "Stu", false, at(0), AttendanceInterval.WEBHOOK);
        recorder.left(meeting, "w_1", at(10));
        recorder.joined(meeting, "w_2", studentId(), "Stu", false, at(20), AttendanceInterval.WEBHOOK);
        recorder.left(meeting, "w_2", at(35));

        List<AttendanceInterval> intervals = repository.ofMeeting(meeting);
        assertThat(intervals).extracting(AttendanceInterval::joinedAt).containsExactly(at(0), at(20));
        assertThat(intervals).extracting(AttendanceInterval::leftAt).containsExactly(at(10), at(35));
        assertThat(intervals).allSatisfy(i -> assertThat(i.userId()).isEqualTo(f.userId(f.student)));
        PersonAttendance p = only(at(60));
        assertThat(p.minutes()).isEqualByComparingTo("25.0");
        assertThat(p.joins()).isEqualTo(2);
        assertThat(p.firstJoin()).isEqualTo(at(0));
        assertThat(p.lastLeave()).isEqualTo(at(35));
        assertThat(p.role()).isEqualTo("VIEWER");
    }

    @Test
    void repeatedDeliveriesChangeNothing() {
        recorder.joined(meeting, "w_1", studentId(), "Stu", false, at(0), AttendanceInterval.WEBHOOK);
        recorder.joined(meeting, "w_1", studentId(), "Stu", false, at(0), AttendanceInterval.WEBHOOK);
        recorder.left(meeting, "w_1", at(10));
        recorder.left(meeting, "w_1", at(10));
        // A late retry of the first join, after the leave, is inside the closed interval: still a duplicate.
        recorder.joined(meeting, "w_1", studentId(), "Stu", false, at(0), AttendanceInterval.WEBHOOK);
        recorder.left(meeting, "w_1", at(12));

        assertThat(repository.ofMeeting(meeting)).singleElement()
                .satisfies(i -> assertThat(i.leftAt()).isEqualTo(at(10)));
    }

    @Test
    void meetingEndClosesOpenIntervalsAndLaterEventsAreIgnored() {
        recorder.joined(meeting, "w_t", Long.toString(f.userId(f.teacher)), "Tess", true, at(0),
                AttendanceInterval.WEBHOOK);
        recorder.joined(meeting, "w_s", studentId(), "Stu", false, at(5), AttendanceInterval.WEBHOOK);
        recorder.left(meeting, "w_s", at(15));

        data.end(meeting, at(30));
        recorder.meetingEnded(meeting, at(30));
        recorder.meetingEnded(meeting, at(31)); // the webhook's meeting-ended after the conference's own end
        recorder.joined(meeting, "w_x", "ext-9", "Late", false, at(40), AttendanceInterval.WEBHOOK);
        // a join from before the end that arrives after it is kept, closed at the end
        recorder.joined(meeting, "w_y", "ext-8", "Guest", false, at(25), AttendanceInterval.WEBHOOK);

        List<AttendanceInterval> intervals = repository.ofMeeting(meeting);
        assertThat(intervals).noneMatch(AttendanceInterval::isOpen);
        assertThat(intervals).extracting(AttendanceInterval::fullName).containsExactly("Tess", "Stu", "Guest");
        List<PersonAttendance> people = PersonAttendance.of(intervals, at(30));
        assertThat(people).extracting(PersonAttendance::name).containsExactly("Tess", "Stu", "Guest");
        assertThat(people).extracting(p -> p.minutes().toPlainString()).containsExactly("30.0", "10.0", "5.0");
        assertThat(people.getFirst().role()).isEqualTo("MODERATOR");
        assertThat(people.get(2).userId()).isNull();
        assertThat(people.get(2).externalUserId()).isEqualTo("ext-8");
    }

    @Test
    void pollingDiffsSuccessiveAttendeeListsIntoIntervals() {
        var teacher = new AttendanceRecorder.Presence(Long.toString(f.userId(f.teacher)), "Tess", true);
        var student = new AttendanceRecorder.Presence(studentId(), "Stu", false);

        recorder.attendeesSeen(meeting, at(0), List.of(teacher));
        recorder.attendeesSeen(meeting, at(1), List.of(teacher, student));
        recorder.attendeesSeen(meeting, at(2), List.of(teacher, student)); // unchanged
        recorder.attendeesSeen(meeting, at(11), List.of(teacher));         // student left
        recorder.attendeesSeen(meeting, at(20), List.of(student, teacher)); // student back
        data.end(meeting, at(26));
        recorder.meetingEnded(meeting, at(26));
        recorder.attendeesSeen(meeting, at(27), List.of(teacher));         // stale refresh after the end

        List<AttendanceInterval> intervals = repository.ofMeeting(meeting);
        assertThat(intervals).hasSize(3).allMatch(i -> i.source().equals(AttendanceInterval.POLL))
                .noneMatch(AttendanceInterval::isOpen);
        List<PersonAttendance> people = PersonAttendance.of(intervals, at(26));
        assertThat(people).extracting(PersonAttendance::name).containsExactly("Tess", "Stu");
        assertThat(people.get(0).minutes()).isEqualByComparingTo("26.0");
        assertThat(people.get(1).minutes()).isEqualByComparingTo("16.0");
        assertThat(people.get(1).joins()).isEqualTo(2);
        assertThat(people.get(1).userId()).isEqualTo(f.userId(f.student));
    }

    @Test
    void overlappingConnectionsOfOnePersonCountOnce() {
        recorder.joined(meeting, "w_tab1", studentId(), "Stu", false, at(0), AttendanceInterval.WEBHOOK);
        recorder.joined(meeting, "w_tab2", studentId(), "Stu", false, at(5), AttendanceInterval.WEBHOOK);
        recorder.left(meeting, "w_tab1", at(10));
        recorder.left(meeting, "w_tab2", at(12));

        PersonAttendance p = only(at(60));
        assertThat(p.minutes()).isEqualByComparingTo("12.0");
        assertThat(p.joins()).isEqualTo(2);
        assertThat(p.spans()).hasSize(1);
    }
}
