package org.aula.conference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RoomRepository {

    private static final String ROOM_COLUMNS = "id, kind, course_id, session_id, group_id, owner_id, context_key, name";
    private static final String MEETING_SELECT = """
            select m.id, m.room_id, m.bbb_meeting_id, m.internal_meeting_id, m.create_time, m.name, m.record, m.state,
                   m.started_by, u.full_name as started_by_name, m.started_at, m.ended_at, m.end_reason,
                   m.participant_count, m.moderator_count, m.max_participants
            from meeting m left join app_user u on u.id = m.started_by
            """;

    static final RowMapper<Room> ROOM = (rs, n) -> new Room(rs.getLong("id"), RoomKind.valueOf(rs.getString("kind")),
            rs.getObject("course_id", Long.class), rs.getObject("session_id", Long.class),
            rs.getObject("group_id", Long.class), rs.getObject("owner_id", Long.class), rs.getString("context_key"),
            rs.getString("name"));

    static final RowMapper<Meeting> MEETING = (rs, n) -> new Meeting(rs.getLong("id"), rs.getLong("room_id"),
            rs.getString("bbb_meeting_id"), rs.getString("internal_meeting_id"), rs.getObject("create_time", Long.class),
            rs.getString("name"), rs.getBoolean("record"), MeetingState.valueOf(rs.getString("state")),
            rs.getObject("started_by", Long.class), rs.getString("started_by_name"), instant(rs, "started_at"),
            instant(rs, "ended_at"), rs.getString("end_reason"), rs.getInt("participant_count"),
            rs.getInt("moderator_count"), rs.getInt("max_participants"));

    private final JdbcClient jdbc;
    private final Cache<String, Room> roomsByContextKey =
            Caffeine.newBuilder().maximumSize(20_000).expireAfterAccess(Duration.ofHours(1)).build();

    RoomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Room> findRoom(long id) {
        return jdbc.sql("select " + ROOM_COLUMNS + " from room where id = ?").param(id).query(ROOM).optional();
    }

    Optional<Room> findRoomByContextKey(String contextKey) {
        return jdbc.sql("select " + ROOM_COLUMNS + " from room where context_key = ?").param(contextKey).query(ROOM)
                .optional();
    }

    List<Room> findRoomsOfCourse(long courseId) {
        return jdbc.sql("select " + ROOM_COLUMNS + " from room where course_id = ? order by id").param(courseId)
                .query(ROOM).list();
    }

    /** Creates the room unless one with this context key exists; returns the room either way. */
    Room ensureRoom(RoomKind kind, Long courseId, Long sessionId, Long groupId, Long ownerId, String contextKey,
                    String name) {
        // Every render, join and waiting-room stream asks for its room; rows never change once made (they go only
        // with their course, group or owner, which the access check refuses first), so a cached copy is safe.
        Room cached = roomsByContextKey.getIfPresent(contextKey);
        if (cached != null) {
            return cached;
        }
        Room room = findRoomByContextKey(contextKey).orElseGet(() -> {
            try {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                insert into room (kind, course_id, session_id, group_id, owner_id, context_key, name)
                                values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(kind.name(), courseId, sessionId, groupId, ownerId, contextKey, name)
                        .update(keys, "id");
            } catch (DuplicateKeyException raced) {
                // another request created it at the same moment: use theirs
            }
            return findRoomByContextKey(contextKey).orElseThrow();
        });
        roomsByContextKey.put(contextKey, room);
        return room;
    }

    long insertMeeting(long roomId, String bbbMeetingId, String internalMeetingId, long createTime, String name,
                       boolean record, Long startedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into meeting (room_id, bbb_meeting_id, internal_meeting_id, create_time, name, record,
                                             state, started_by, started_at)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(roomId, bbbMeetingId, internalMeetingId, createTime, name, record, startedBy,
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Meeting> findMeeting(long id) {
        return jdbc.sql(MEETING_SELECT + " where m.id = ?").param(id).query(MEETING).optional();
    }

    Optional<Meeting> findMeetingByBbbId(String bbbMeetingId) {
        return jdbc.sql(MEETING_SELECT + " where m.bbb_meeting_id = ?").param(bbbMeetingId).query(MEETING).optional();
    }

    Optional<Meeting> findOpenMeeting(long roomId) {
        return jdbc.sql(MEETING_SELECT + " where m.room_id = ? and m.state = 'OPEN' order by m.started_at desc limit 1")
                .param(roomId).query(MEETING).optional();
    }

    List<Meeting> findOpenMeetings() {
        return jdbc.sql(MEETING_SELECT + " where m.state = 'OPEN'").query(MEETING).list();
    }

    List<Meeting> findMeetings(long roomId, int limit) {
        return jdbc.sql(MEETING_SELECT + " where m.room_id = ? order by m.started_at desc limit ?")
                .param(roomId).param(limit).query(MEETING).list();
    }

    List<Meeting> findMeetingsOfCourse(long courseId, int limit) {
        return jdbc.sql(MEETING_SELECT + " join room r on r.id = m.room_id where r.course_id = ? "
                        + "order by m.started_at desc limit ?")
                .param(courseId).param(limit).query(MEETING).list();
    }

    /** Marks the meeting ended unless it already is; true only for the call that ended it. */
    boolean markEnded(long meetingId, String reason, Instant at) {
        return jdbc.sql("update meeting set state = 'ENDED', ended_at = ?, end_reason = ?, participant_count = 0, "
                        + "moderator_count = 0 where id = ? and state = 'OPEN'")
                .params(Timestamp.from(at), reason, meetingId).update() == 1;
    }

    void updateCounts(long meetingId, int participants, int moderators) {
        jdbc.sql("""
                        update meeting set participant_count = ?, moderator_count = ?,
                               max_participants = greatest(max_participants, ?)
                        where id = ? and state = 'OPEN'""")
                .params(participants, moderators, participants, meetingId).update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
