package org.aula.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tables recording, recording_format and recording_meeting. */
@Repository
class RecordingRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<IndexedRecording.Preview>> PREVIEWS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    RecordingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ recorded meetings

    void addRecordedMeeting(RecordedMeeting m) {
        try {
            jdbc.sql("""
                            insert into recording_meeting (meeting_id, bbb_meeting_id, room_id, course_id, started_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(m.meetingId(), m.bbbMeetingId(), m.roomId(), m.courseId(), ts(m.startedAt())).update();
        } catch (DuplicateKeyException e) {
            // Already known (event delivered twice, or the migration's backfill): nothing to add.
        }
    }

    void markMeetingEnded(long meetingId, Instant at) {
        jdbc.sql("update recording_meeting set ended_at = ? where meeting_id = ? and ended_at is null")
                .params(ts(at), meetingId).update();
    }

    Optional<RecordedMeeting> recordedMeeting(long meetingId) {
        return jdbc.sql("select * from recording_meeting where meeting_id = ?").param(meetingId)
                .query(RecordingRepository::recordedMeeting).optional();
    }

    Optional<RecordedMeeting> recordedMeetingByBbbId(String bbbMeetingId) {
        return jdbc.sql("select * from recording_meeting where bbb_meeting_id = ?").param(bbbMeetingId)
                .query(RecordingRepository::recordedMeeting).optional();
    }

    /**
     * Meetings worth asking BBB about: those with recordings in the index (to notice changes and deletions) and
     * those started after {@code newSince} (their recordings may still be processing). Old recorded meetings that
     * never produced a recording are left out, so they do not cost a call forever.
     */
    List<RecordedMeeting> meetingsToReconcile(Instant newSince) {
        return jdbc.sql("""
                        select * from recording_meeting rm
                        where rm.started_at >= ?
                           or exists (select 1 from recording r where r.meeting_id = rm.meeting_id and r.state <> 'deleted')
                        order by rm.meeting_id""")
                .param(ts(newSince)).query(RecordingRepository::recordedMeeting).list();
    }

    void deleteRecordedMeetingsOfCourse(long courseId) {
        jdbc.sql("delete from recording_meeting where course_id = ?").param(courseId).update();
    }

    // ------------------------------------------------------------------ recordings

    /** Inserts or replaces the recording and all its formats. */
    void save(IndexedRecording r) {
        int updated = update(r);
        if (updated == 0) {
            try {
                jdbc.sql("""
                                insert into recording (record_id, meeting_id, room_id, course_id, bbb_meeting_id, name,
                                    description, state, published, start_time, end_time, duration_minutes,
                                    participant_count, raw_size, updated_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(r.recordId(), r.meetingId(), r.roomId(), r.courseId(), r.bbbMeetingId(), r.name(),
                                r.description(), r.state(), r.published(), ts(r.startTime()), ts(r.endTime()),
                                r.durationMinutes(), r.participantCount(), r.rawSize(), ts(Instant.now()))
                        .update();
            } catch (DuplicateKeyException e) {
                // Another node (callback vs. reconciliation) inserted it meanwhile: ours is as fresh, update it.
                update(r);
            }
        }
        jdbc.sql("delete from recording_format where record_id = ?").param(r.recordId()).update();
        for (IndexedRecording.Format f : r.formats()) {
            jdbc.sql("""
                            insert into recording_format (record_id, type, url, length_minutes, size, previews)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(r.recordId(), f.type(), f.url(), f.lengthMinutes(), f.size(),
                            JSON.writeValueAsString(f.previews()))
                    .update();
        }
    }

    private int update(IndexedRecording r) {
        return jdbc.sql("""
                        update recording set meeting_id = ?, room_id = ?, course_id = ?, bbb_meeting_id = ?, name = ?,
                            description = ?, state = ?, published = ?, start_time = ?, end_time = ?,
                            duration_minutes = ?, participant_count = ?, raw_size = ?, updated_at = ?
                        where record_id = ?""")
                .params(r.meetingId(), r.roomId(), r.courseId(), r.bbbMeetingId(), r.name(), r.description(),
                        r.state(), r.published(), ts(r.startTime()), ts(r.endTime()), r.durationMinutes(),
                        r.participantCount(), r.rawSize(), ts(Instant.now()), r.recordId())
                .update();
    }

    void setPublished(String recordId, boolean published) {
        jdbc.sql("update recording set published = ?, state = ?, updated_at = ? where record_id = ?")
                .params(published, published ? "published" : "unpublished", ts(Instant.now()), recordId).update();
    }

    void setNameAndDescription(String recordId, String name, String description) {
        jdbc.sql("update recording set name = ?, description = ?, updated_at = ? where record_id = ?")
                .params(name, description, ts(Instant.now()), recordId).update();
    }

    /**
     * BBB no longer returns it: hidden from every list but kept, so that it comes back if BBB shows it again (a
     * server briefly answering from the wrong storage must not lose the index for good).
     */
    int markGone(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update recording set state = 'deleted', published = false, updated_at = :now where record_id in (:ids) and state <> 'deleted'")
                .param("now", ts(Instant.now())).param("ids", recordIds).update();
    }

    /** @return whether a row was removed */
    boolean delete(String recordId) {
        // recording_format rows go with it (on delete cascade)
        return jdbc.sql("delete from recording where record_id = ?").param(recordId).update() > 0;
    }

    Optional<IndexedRecording> find(String recordId) {
        List<IndexedRecording> found = withFormats(jdbc.sql("select * from recording where record_id = ?")
                .param(recordId).query(RecordingRepository::recording).list());
        return found.stream().findFirst();
    }

    /** A page of the room's recordings, newest first; only published ones when {@code publishedOnly}. */
    List<IndexedRecording> pageOfRoom(long roomId, boolean publishedOnly, int offset, int limit) {
        return withFormats(jdbc.sql("""
                        select * from recording where room_id = :room and state <> 'deleted' and (:all or published)
                        order by start_time desc, record_id desc
                        offset :offset rows fetch next :limit rows only""")
                .param("room", roomId).param("all", !publishedOnly).param("offset", offset).param("limit", limit)
                .query(RecordingRepository::recording).list());
    }

    int countOfRoom(long roomId, boolean publishedOnly) {
        return jdbc.sql("select count(*) from recording where room_id = :room and state <> 'deleted' and (:all or published)")
                .param("room", roomId).param("all", !publishedOnly).query(Integer.class).single();
    }

    /**
     * A cheap fingerprint of what a room's list shows (count and latest change): the tool page's poll compares it
     * and only re-renders when it differs.
     */
    String versionOfRoom(long roomId, boolean publishedOnly) {
        return jdbc.sql("""
                        select count(*) as n, max(updated_at) as latest from recording
                        where room_id = :room and state <> 'deleted' and (:all or published)""")
                .param("room", roomId).param("all", !publishedOnly)
                .query((rs, n) -> {
                    Timestamp latest = rs.getTimestamp("latest");
                    return rs.getInt("n") + "-" + (latest == null ? 0 : latest.getTime());
                }).single();
    }

    /** Record ids in the index per meeting id, for the given meetings. */
    Map<Long, Set<String>> recordIdsOfMeetings(Collection<Long> meetingIds) {
        Map<Long, Set<String>> result = new LinkedHashMap<>();
        if (meetingIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select meeting_id, record_id from recording where meeting_id in (:ids)")
                .param("ids", meetingIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("meeting_id"), k -> new HashSet<>()).add(rs.getString("record_id"));
                });
        return result;
    }

    /** The meeting's recordings still in the index (without formats). */
    List<IndexedRecording> ofMeeting(long meetingId) {
        return jdbc.sql("select * from recording where meeting_id = ? and state <> 'deleted'").param(meetingId)
                .query(RecordingRepository::recording).list();
    }

    List<String> recordIdsOfCourse(long courseId) {
        return jdbc.sql("select record_id from recording where course_id = ?").param(courseId)
                .query(String.class).list();
    }

    /** Recordings whose meeting ended before the cut-off, oldest first (retention). */
    List<IndexedRecording> endedBefore(Instant cutOff, int limit) {
        return jdbc.sql("""
                        select * from recording where end_time < ? and state in ('published', 'unpublished') order by end_time
                        fetch first ? rows only""")
                .params(ts(cutOff), limit).query(RecordingRepository::recording).list();
    }

    // ------------------------------------------------------------------ mapping

    private List<IndexedRecording> withFormats(List<IndexedRecording> recordings) {
        if (recordings.isEmpty()) {
            return recordings;
        }
        Map<String, List<IndexedRecording.Format>> formats = new LinkedHashMap<>();
        jdbc.sql("select * from recording_format where record_id in (:ids) order by record_id, type")
                .param("ids", recordings.stream().map(IndexedRecording::recordId).toList())
                .query(rs -> {
                    formats.computeIfAbsent(rs.getString("record_id"), k -> new ArrayList<>())
                            .add(new IndexedRecording.Format(rs.getString("type"), rs.getString("url"),
                                    rs.getInt("length_minutes"), rs.getLong("size"), previews(rs.getString("previews"))));
                });
        return recordings.stream().map(r -> new IndexedRecording(r.recordId(), r.meetingId(), r.roomId(), r.courseId(),
                r.bbbMeetingId(), r.name(), r.description(), r.state(), r.published(), r.startTime(), r.endTime(),
                r.durationMinutes(), r.participantCount(), r.rawSize(), r.updatedAt(),
                formats.getOrDefault(r.recordId(), List.of()))).toList();
    }

    private static List<IndexedRecording.Preview> previews(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return JSON.readValue(json, PREVIEWS);
    }

    private static IndexedRecording recording(ResultSet rs, int n) throws SQLException {
        long course = rs.getLong("course_id");
        Long courseId = rs.wasNull() ? null : course;
        return new IndexedRecording(rs.getString("record_id"), rs.getLong("meeting_id"), rs.getLong("room_id"),
                courseId, rs.getString("bbb_meeting_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("state"), rs.getBoolean("published"),
                instant(rs, "start_time"), instant(rs, "end_time"), rs.getInt("duration_minutes"),
                rs.getInt("participant_count"), rs.getLong("raw_size"), instant(rs, "updated_at"), List.of());
    }

    private static RecordedMeeting recordedMeeting(ResultSet rs, int n) throws SQLException {
        long course = rs.getLong("course_id");
        Long courseId = rs.wasNull() ? null : course;
        return new RecordedMeeting(rs.getLong("meeting_id"), rs.getString("bbb_meeting_id"), rs.getLong("room_id"),
                courseId, instant(rs, "started_at"), instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
