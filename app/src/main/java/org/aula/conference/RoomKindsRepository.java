package org.aula.conference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * room_option and room_presentation rows, plus the few membership counts the room kinds need. The counts read the
 * platform's membership tables directly (read-only) because they are aggregates no course service offers.
 */
@Repository
class RoomKindsRepository {

    static final String OPTION_MAX_PARTICIPANTS = "max-participants";
    static final String OPTION_BREAKOUTS = "breakouts-from-groups";
    static final String OPTION_SHARE_TOKEN = "share-token";

    /** A stored presentation without its bytes (for pages). */
    record PresentationInfo(String filename, long sizeBytes, String token, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;

    RoomKindsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> option(long roomId, String name) {
        return jdbc.sql("select value from room_option where room_id = ? and name = ?").param(roomId).param(name)
                .query(String.class).optional();
    }

    void putOption(long roomId, String name, String value) {
        if (value == null) {
            jdbc.sql("delete from room_option where room_id = ? and name = ?").param(roomId).param(name).update();
            return;
        }
        int updated = jdbc.sql("update room_option set value = ? where room_id = ? and name = ?")
                .param(value).param(roomId).param(name).update();
        if (updated == 0) {
            jdbc.sql("insert into room_option (room_id, name, value) values (?, ?, ?)")
                    .param(roomId).param(name).param(value).update();
        }
    }

    Optional<Long> roomIdByOption(String name, String value) {
        return jdbc.sql("select room_id from room_option where name = ? and value = ?").param(name).param(value)
                .query(Long.class).optional();
    }

    void putPresentation(long roomId, String filename, String contentType, byte[] content, String token, long userId) {
        jdbc.sql("delete from room_presentation where room_id = ?").param(roomId).update();
        jdbc.sql("""
                        insert into room_presentation (room_id, filename, content_type, size_bytes, content, token,
                                                       uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(roomId, filename, contentType, content.length, content, token, userId,
                        Timestamp.from(Instant.now()))
                .update();
    }

    void deletePresentation(long roomId) {
        jdbc.sql("delete from room_presentation where room_id = ?").param(roomId).update();
    }

    Optional<PresentationInfo> presentationInfo(long roomId) {
        return jdbc.sql("select filename, size_bytes, token, uploaded_at from room_presentation where room_id = ?")
                .param(roomId)
                .query((rs, n) -> new PresentationInfo(rs.getString("filename"), rs.getLong("size_bytes"),
                        rs.getString("token"), rs.getTimestamp("uploaded_at").toInstant()))
                .optional();
    }

    Optional<byte[]> presentationContent(long roomId) {
        return jdbc.sql("select content from room_presentation where room_id = ?").param(roomId)
                .query((rs, n) -> rs.getBytes("content")).optional();
    }

    /** filename, content type and bytes of the presentation with this token (BBB downloads large slides by URL). */
    Optional<Object[]> presentationByToken(String token) {
        return jdbc.sql("select filename, content_type, content from room_presentation where token = ?").param(token)
                .query((rs, n) -> new Object[] {rs.getString("filename"), rs.getString("content_type"),
                        rs.getBytes("content")})
                .optional();
    }

    /** Platform administrators (they moderate every room). */
    int adminCount() {
        return jdbc.sql("select count(*) from app_user where admin and enabled").query(Integer.class).single();
    }

    /** Teachers of the course plus coaches of its sessions: the people who moderate its rooms. */
    int courseModeratorCount(long courseId) {
        return jdbc.sql("""
                        select count(distinct user_id) from (
                          select user_id from course_member where course_id = ? and role = 'TEACHER'
                          union select sm.user_id from session_member sm join course_session s on s.id = sm.session_id
                                where s.course_id = ? and sm.role = 'COACH') m""")
                .param(courseId).param(courseId).query(Integer.class).single();
    }

    int groupTutorCount(long groupId) {
        return jdbc.sql("select count(*) from group_member where group_id = ? and role = 'TUTOR'").param(groupId)
                .query(Integer.class).single();
    }

    int groupMemberCount(long groupId) {
        return jdbc.sql("select count(*) from group_member where group_id = ?").param(groupId)
                .query(Integer.class).single();
    }

    /** Users who teach some course (they moderate the global room). */
    int teacherCount() {
        return jdbc.sql("select count(distinct user_id) from course_member where role = 'TEACHER'").query(Integer.class)
                .single();
    }

    /** Whether the user teaches any course (the global room's "teachers" audience). */
    boolean teachesAnyCourse(long userId) {
        return jdbc.sql("select count(*) from course_member where user_id = ? and role = 'TEACHER'").param(userId)
                .query(Integer.class).single() > 0;
    }

    Optional<String> userFullName(long userId) {
        return jdbc.sql("select full_name from app_user where id = ?").param(userId).query(String.class).optional();
    }
}
