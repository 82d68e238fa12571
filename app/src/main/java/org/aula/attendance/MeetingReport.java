package org.aula.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The administrators' report over the meetings of all courses: one query per page over Aula's own tables (never
 * BBB). Participants come from attendance (distinct people), peak from the conference's refresh, recordings from the
 * recordings feature's table when that table exists.
 *
 * <p>Paged with offset/limit on the index of meeting (started_at, id); the count, and so the pages, stop at
 * {@code cap} meetings, which bounds the cost of every page (see bench/attendance). Exports are not capped that way.
 */
@Repository
class MeetingReport {

    /** Filters; null means "any". {@code to} is inclusive (the whole day). */
    record Filter(LocalDate from, LocalDate to, String courseCode, Long sessionId, String state) {
    }

    /** @param recordings null when the recordings feature is not installed */
    record Row(long meetingId, String meetingName, String courseCode, String courseTitle, String sessionName,
               String state, Instant startedAt, Instant endedAt, long minutes, int participants, int peak,
               Integer recordings) {
    }

    private final JdbcClient jdbc;
    private volatile boolean recordingTableSeen;

    MeetingReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The number of matching meetings, counted up to {@code cap + 1} only: an exact count of a whole year of a large
     * platform costs a scan of every row on each page view, while "more than 10,000" is all a person needs to
     * narrow the filters.
     */
    int count(Filter filter, ZoneId zone, int cap) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, zone, params);
        params.put("cap", cap + 1);
        return jdbc.sql("select count(*) from (select 1 from meeting m" + joins(filter) + where
                        + " fetch first :cap rows only) capped")
                .params(params).query(Integer.class).single();
    }

    /** Rooms and courses are joined for the filter only when it needs them (a bare count stays on meeting). */
    private static String joins(Filter f) {
        boolean course = f.courseCode() != null && !f.courseCode().isBlank();
        return course || f.sessionId() != null
                ? " join room r on r.id = m.room_id" + (course ? " join course c on c.id = r.course_id" : "")
                : "";
    }

    List<Row> page(Filter filter, ZoneId zone, int offset, int limit) {
        List<Row> rows = new ArrayList<>();
        query(filter, zone, offset, limit, rows::add);
        return rows;
    }

    /** Streams rows (exports); at most {@code limit}. */
    void query(Filter filter, ZoneId zone, int offset, int limit, Consumer<Row> each) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, zone, params);
        boolean recordings = hasRecordingTable();
        params.put("offset", offset);
        params.put("limit", limit);
        // The page's meetings are picked first on meeting alone (index on started_at, id), then rooms, courses,
        // sessions and the per-meeting counts are looked up for those rows only.
        jdbc.sql("""
                        select p.id, p.name, p.state, p.started_at, p.ended_at, p.max_participants,
                               c.code, c.title, s.name as session_name,
                               (select count(distinct a.external_user_id) from attendance_interval a
                                 where a.meeting_id = p.id) as participants,
                               %s as recordings
                        from (select m.id, m.room_id, m.name, m.state, m.started_at, m.ended_at, m.max_participants
                              from meeting m%s%s
                              order by m.started_at desc, m.id desc
                              offset :offset rows fetch next :limit rows only) p
                        join room rr on rr.id = p.room_id
                        left join course c on c.id = rr.course_id
                        left join course_session s on s.id = rr.session_id
                        order by p.started_at desc, p.id desc""".formatted(
                        recordings ? "(select count(*) from recording rc where rc.meeting_id = p.id)" : "null",
                        joins(filter), where))
                .params(params)
                .query((RowCallbackHandler) rs -> each.accept(map(rs)));
    }

    private static Row map(ResultSet rs) throws SQLException {
        Instant started = AttendanceRepository.instant(rs, "started_at");
        Instant ended = AttendanceRepository.instant(rs, "ended_at");
        int recordings = rs.getInt("recordings");
        boolean noRecordings = rs.wasNull();
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("code"), rs.getString("title"),
                rs.getString("session_name"), rs.getString("state"), started, ended,
                java.time.Duration.between(started, ended != null ? ended : Instant.now()).toMinutes(),
                rs.getInt("participants"), rs.getInt("max_participants"), noRecordings ? null : recordings);
    }

    private static String where(Filter f, ZoneId zone, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.from() != null) {
            conditions.add("m.started_at >= :from");
            params.put("from", AttendanceRepository.timestamp(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            conditions.add("m.started_at < :to");
            params.put("to", AttendanceRepository.timestamp(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.courseCode() != null && !f.courseCode().isBlank()) {
            conditions.add("lower(c.code) = lower(:code)");
            params.put("code", f.courseCode().strip());
        }
        if (f.sessionId() != null) {
            conditions.add("r.session_id = :session");
            params.put("session", f.sessionId());
        }
        if (f.state() != null && !f.state().isBlank()) {
            conditions.add("m.state = :state");
            params.put("state", f.state());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /**
     * The recordings feature adds its table in its own migration; until it is there the column shows "not available"
     * instead of failing. Once seen it stays (tables are not dropped at run time).
     */
    private boolean hasRecordingTable() {
        if (!recordingTableSeen) {
            recordingTableSeen = jdbc.sql("""
                            select count(*) from information_schema.columns
                            where lower(table_name) = 'recording' and lower(column_name) = 'meeting_id'""")
                    .query(Integer.class).single() > 0;
        }
        return recordingTableSeen;
    }
}
