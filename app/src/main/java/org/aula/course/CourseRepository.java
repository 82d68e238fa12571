package org.aula.course;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CourseRepository {

    static final RowMapper<Course> COURSE =
            (rs, n) -> new Course(rs.getLong("id"), rs.getString("code"), rs.getString("title"));
    static final RowMapper<CourseSession> SESSION = (rs, n) -> new CourseSession(rs.getLong("id"),
            rs.getLong("course_id"), rs.getString("name"), rs.getObject("starts_on", java.time.LocalDate.class),
            rs.getObject("ends_on", java.time.LocalDate.class));
    static final RowMapper<CourseGroup> GROUP = (rs, n) -> new CourseGroup(rs.getLong("id"),
            rs.getLong("course_id"), (Long) rs.getObject("session_id", Long.class), rs.getString("name"));

    private final JdbcClient jdbc;

    public CourseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Course> findByCode(String code) {
        return jdbc.sql("select id, code, title from course where code = ?").param(code).query(COURSE).optional();
    }

    public Optional<Course> findById(long id) {
        return jdbc.sql("select id, code, title from course where id = ?").param(id).query(COURSE).optional();
    }

    public List<Course> findAll() {
        return jdbc.sql("select id, code, title from course order by code").query(COURSE).list();
    }

    /** Courses the user belongs to directly or through a session. */
    public List<Course> findForUser(long userId) {
        return jdbc.sql("""
                        select c.id, c.code, c.title from course c
                        where c.id in (select course_id from course_member where user_id = :u)
                           or c.id in (select s.course_id from course_session s
                                       join session_member sm on sm.session_id = s.id where sm.user_id = :u)
                        order by c.code""")
                .param("u", userId).query(COURSE).list();
    }

    public long create(String code, String title) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into course (code, title) values (?, ?)").param(code).param(title).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<CourseSession> findSession(long sessionId) {
        return jdbc.sql("select id, course_id, name, starts_on, ends_on from course_session where id = ?")
                .param(sessionId).query(SESSION).optional();
    }

    public List<CourseSession> findSessions(long courseId) {
        return jdbc.sql("select id, course_id, name, starts_on, ends_on from course_session where course_id = ? order by name")
                .param(courseId).query(SESSION).list();
    }

    public Optional<CourseGroup> findGroup(long groupId) {
        return jdbc.sql("select id, course_id, session_id, name from course_group where id = ?")
                .param(groupId).query(GROUP).optional();
    }

    public List<CourseGroup> findGroups(long courseId) {
        return jdbc.sql("select id, course_id, session_id, name from course_group where course_id = ? order by name")
                .param(courseId).query(GROUP).list();
    }

    /** Role of the user in the group: MEMBER, TUTOR, or empty when not in it. */
    public Optional<String> groupRole(long groupId, long userId) {
        return jdbc.sql("select role from group_member where group_id = ? and user_id = ?")
                .param(groupId).param(userId).query(String.class).optional();
    }

    /** External user ids (as sent to BBB) of the group's members, for breakout rosters. */
    public List<Long> groupMemberIds(long groupId) {
        return jdbc.sql("select user_id from group_member where group_id = ? order by user_id")
                .param(groupId).query(Long.class).list();
    }

    List<String> courseRoles(long courseId, long userId) {
        return jdbc.sql("select role from course_member where course_id = ? and user_id = ?")
                .param(courseId).param(userId).query(String.class).list();
    }

    /** (session id, role) pairs of the user in the sessions of a course. */
    List<Object[]> sessionRoles(long courseId, long userId) {
        return jdbc.sql("""
                        select sm.session_id, sm.role from session_member sm
                        join course_session s on s.id = sm.session_id
                        where s.course_id = ? and sm.user_id = ?""")
                .param(courseId).param(userId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
    }
}
