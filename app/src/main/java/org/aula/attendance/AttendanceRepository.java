package org.aula.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attendance_interval table. */
@Repository
class AttendanceRepository {

    private static final String COLUMNS = """
            id, meeting_id, user_id, external_user_id, connection_key, full_name, role, joined_at, left_at, source""";

    private final JdbcClient jdbc;

    AttendanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the recorder needs to know about the meeting, with its row locked until the transaction ends. */
    record LockedMeeting(long id, boolean ended, Instant endedAt) {
    }

    /**
     * Locks the meeting row: events of one meeting are applied one at a time (also across app nodes), so that
     * duplicate deliveries cannot both insert an interval.
     */
    Optional<LockedMeeting> lockMeeting(long meetingId) {
        return jdbc.sql("select id, state, ended_at from meeting where id = :id for update")
                .param("id", meetingId)
                .query((rs, n) -> new LockedMeeting(rs.getLong("id"), "ENDED".equals(rs.getString("state")),
                        instant(rs, "ended_at")))
                .optional();
    }

    List<AttendanceInterval> ofConnection(long meetingId, String connectionKey) {
        return jdbc.sql("select " + COLUMNS + " from attendance_interval where meeting_id = :m and connection_key = :k"
                        + " order by joined_at, id")
                .param("m", meetingId).param("k", connectionKey)
                .query(AttendanceRepository::map).list();
    }

    List<AttendanceInterval> openOfMeeting(long meetingId, String source) {
        return jdbc.sql("select " + COLUMNS + " from attendance_interval where meeting_id = :m and source = :s"
                        + " and left_at is null order by joined_at, id")
                .param("m", meetingId).param("s", source)
                .query(AttendanceRepository::map).list();
    }

    List<AttendanceInterval> ofMeeting(long meetingId) {
        return jdbc.sql("select " + COLUMNS + " from attendance_interval where meeting_id = :m"
                        + " order by joined_at, id")
                .param("m", meetingId)
                .query(AttendanceRepository::map).list();
    }

    List<AttendanceInterval> ofMeetingAndUser(long meetingId, long userId) {
        return jdbc.sql("select " + COLUMNS + " from attendance_interval where meeting_id = :m and user_id = :u"
                        + " order by joined_at, id")
                .param("m", meetingId).param("u", userId)
                .query(AttendanceRepository::map).list();
    }

    /** The user's intervals in the given meetings. */
    List<AttendanceInterval> ofUserInMeetings(long userId, List<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from attendance_interval where user_id = :u and meeting_id in (:m)"
                        + " order by joined_at, id")
                .param("u", userId).param("m", meetingIds)
                .query(AttendanceRepository::map).list();
    }

    /**
     * @param externalUserId used as the Aula user id when it is the id of an existing user
     */
    void insert(long meetingId, String externalUserId, String connectionKey, String fullName, String role,
                Instant joinedAt, Instant leftAt, String source) {
        jdbc.sql("""
                        insert into attendance_interval
                            (meeting_id, user_id, external_user_id, connection_key, full_name, role, joined_at, left_at,
                             source)
                        values (:m, (select id from app_user where id = :uid), :ext, :key, :name, :role, :joined, :left,
                                :source)""")
                .param("m", meetingId)
                .param("uid", aulaUserId(externalUserId))
                .param("ext", truncate(externalUserId, 256))
                .param("key", truncate(connectionKey, 256))
                .param("name", truncate(fullName, 256))
                .param("role", role)
                .param("joined", timestamp(joinedAt))
                .param("left", timestamp(leftAt))
                .param("source", source)
                .update();
    }

    void close(long intervalId, Instant leftAt) {
        jdbc.sql("update attendance_interval set left_at = :left where id = :id and left_at is null")
                .param("left", timestamp(leftAt)).param("id", intervalId).update();
    }

    /** Closes every open interval of the meeting at the given time (never before its own start). */
    int closeAll(long meetingId, Instant at) {
        return jdbc.sql("""
                        update attendance_interval set left_at = case when joined_at > :at then joined_at else :at end
                        where meeting_id = :m and left_at is null""")
                .param("at", timestamp(at)).param("m", meetingId).update();
    }

    private static Long aulaUserId(String externalUserId) {
        if (externalUserId == null || externalUserId.isEmpty() || externalUserId.length() > 18
                || !externalUserId.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(externalUserId);
    }

    static AttendanceInterval map(ResultSet rs, int n) throws SQLException {
        long userId = rs.getLong("user_id");
        Long user = rs.wasNull() ? null : userId;
        return new AttendanceInterval(rs.getLong("id"), rs.getLong("meeting_id"), user,
                rs.getString("external_user_id"), rs.getString("connection_key"), rs.getString("full_name"),
                rs.getString("role"), instant(rs, "joined_at"), instant(rs, "left_at"), rs.getString("source"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
