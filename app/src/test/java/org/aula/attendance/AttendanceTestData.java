package org.aula.attendance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Rooms and meetings written straight into the database (no BBB), for attendance tests. */
final class AttendanceTestData {

    private final JdbcClient jdbc;

    AttendanceTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long courseRoom(long courseId) {
        return jdbc.sql("select id from room where context_key = ?").param("course:" + courseId).query(Long.class)
                .optional().orElseGet(() -> insert("insert into room (kind, course_id, context_key, name) values "
                        + "('COURSE', ?, ?, ?)", courseId, "course:" + courseId, "Room " + courseId));
    }

    /** An open meeting that started at the given time; returns its id. */
    long meeting(long roomId, Instant startedAt) {
        return insert("insert into meeting (room_id, bbb_meeting_id, name, state, started_at) values (?, ?, ?, 'OPEN', ?)",
                roomId, bbbId(), "Meeting at " + startedAt, startedAt.atOffset(ZoneOffset.UTC));
    }

    long endedMeeting(long roomId, Instant startedAt, Instant endedAt) {
        long id = meeting(roomId, startedAt);
        end(id, endedAt);
        return id;
    }

    void end(long meetingId, Instant endedAt) {
        jdbc.sql("update meeting set state = 'ENDED', ended_at = ?, end_reason = 'ENDED_BY_MODERATOR' where id = ?")
                .params(endedAt.atOffset(ZoneOffset.UTC), meetingId).update();
    }

    String bbbMeetingId(long meetingId) {
        return jdbc.sql("select bbb_meeting_id from meeting where id = ?").param(meetingId).query(String.class).single();
    }

    static String bbbId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
