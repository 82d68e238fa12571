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
 * <p>Paged with offset/limit on the index of meeting.started_at; a count gives the number of pages. Filters narrow
 * the date range first, which keeps even deep pages cheap (see bench/attendance).
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

    int count(Filter filter, ZoneId zone) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, zone, params);
        return jdbc.sql("select count(*) from meeting m join room r on r.id = m.room_id"
                        + " left join course c on c.id = r.course_id" + where)
                .params(params).query(Integer.class).single();
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
        // The page's meetings are picked first (index on started_at), then the per-meeting counts are looked up
        // for those rows only.
        jdbc.sql("""
                        select p.*, s.name as session_name,
                               (select count(distinct a.external_user_id) from attendance_interval a
                                 where a.meeting_id = p.id) as participants,
                               %s as recordings
                        from (select m.id, m.name, m.state, m.started_at, m.ended_at, m.max_participants,
                                     r.session_id, c.code, c.title
                              from meeting m join room r on r.id = m.room_id
                              left join course c on c.id = r.course_id
                              %s
                              order by m.started_at desc, m.id desc
                              offset :offset rows fetch next :limit rows only) p
                        left join course_session s on s.id = p.session_id
                        order by p.started_at desc, p.id desc""".formatted(
                        recordings ? "(select count(*) from recording rc where rc.meeting_id = p.id)" : "null",
                        where))
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
