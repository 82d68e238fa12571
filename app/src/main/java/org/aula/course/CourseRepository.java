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

    /** Course codes are typed by people (forms, CSV files): DEMO101 and demo101 are the same course to them. */
    public Optional<Course> findByCodeIgnoringCase(String code) {
        return jdbc.sql("select id, code, title from course where lower(code) = lower(?) order by id fetch first 1 rows only")
                .param(code).query(COURSE).optional();
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

    public void updateCourse(long courseId, String code, String title) {
        jdbc.sql("update course set code = ?, title = ? where id = ?").param(code).param(title).param(courseId).update();
    }

    public void deleteCourse(long courseId) {
        jdbc.sql("delete from course where id = ?").param(courseId).update();
    }

    public int countCourses(String search) {
        return jdbc.sql("select count(*) from course where lower(code) like :q or lower(title) like :q")
                .param("q", like(search)).query(Integer.class).single();
    }

    public List<Course> searchCourses(String search, int offset, int limit) {
        return jdbc.sql("""
                        select id, code, title from course where lower(code) like :q or lower(title) like :q
                        order by code offset :offset rows fetch next :limit rows only""")
                .param("q", like(search)).param("offset", offset).param("limit", limit).query(COURSE).list();
    }

    static String like(String search) {
        String term = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + term + "%";
    }

    /** A person in a course, session or group with their role there (TEACHER/STUDENT, COACH/STUDENT, MEMBER/TUTOR). */
    public record Member(long userId, String username, String fullName, String role) {
    }

    private static final RowMapper<Member> MEMBER = (rs, n) -> new Member(rs.getLong("user_id"),
            rs.getString("username"), rs.getString("full_name"), rs.getString("role"));

    /** Adds the user to the course with the role, or changes the role when already a member. */
    public void putCourseMember(long courseId, long userId, String role) {
        int changed = jdbc.sql("update course_member set role = ? where course_id = ? and user_id = ?")
                .param(role).param(courseId).param(userId).update();
        if (changed == 0) {
            jdbc.sql("insert into course_member (course_id, user_id, role) values (?, ?, ?)")
                    .param(courseId).param(userId).param(role).update();
        }
    }

    public void removeCourseMember(long courseId, long userId) {
        jdbc.sql("delete from course_member where course_id = ? and user_id = ?").param(courseId).param(userId).update();
    }

    public List<Member> courseMembers(long courseId) {
        return jdbc.sql("""
                        select m.user_id, u.username, u.full_name, m.role from course_member m
                        join app_user u on u.id = m.user_id where m.course_id = ? order by m.role desc, u.username""")
                .param(courseId).query(MEMBER).list();
    }

    public long createSession(long courseId, String name, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into course_session (course_id, name, starts_on, ends_on) values (?, ?, ?, ?)")
                .param(courseId).param(name).param(startsOn).param(endsOn).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateSession(long sessionId, String name, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        jdbc.sql("update course_session set name = ?, starts_on = ?, ends_on = ? where id = ?")
                .param(name).param(startsOn).param(endsOn).param(sessionId).update();
    }

    public void deleteSession(long sessionId) {
        jdbc.sql("delete from course_session where id = ?").param(sessionId).update();
    }

    public Optional<CourseSession> findSessionByName(long courseId, String name) {
        return jdbc.sql("""
                        select id, course_id, name, starts_on, ends_on from course_session
                        where course_id = ? and lower(name) = lower(?) order by id fetch first 1 rows only""")
                .param(courseId).param(name).query(SESSION).optional();
    }

    public void putSessionMember(long sessionId, long userId, String role) {
        int changed = jdbc.sql("update session_member set role = ? where session_id = ? and user_id = ?")
                .param(role).param(sessionId).param(userId).update();
        if (changed == 0) {
            jdbc.sql("insert into session_member (session_id, user_id, role) values (?, ?, ?)")
                    .param(sessionId).param(userId).param(role).update();
        }
    }

    public void removeSessionMember(long sessionId, long userId) {
        jdbc.sql("delete from session_member where session_id = ? and user_id = ?").param(sessionId).param(userId).update();
    }

    public List<Member> sessionMembers(long sessionId) {
        return jdbc.sql("""
                        select m.user_id, u.username, u.full_name, m.role from session_member m
                        join app_user u on u.id = m.user_id where m.session_id = ? order by m.role, u.username""")
                .param(sessionId).query(MEMBER).list();
    }

    public long createGroup(long courseId, Long sessionId, String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into course_group (course_id, session_id, name) values (?, ?, ?)")
                .param(courseId).param(sessionId).param(name).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateGroup(long groupId, Long sessionId, String name) {
        jdbc.sql("update course_group set session_id = ?, name = ? where id = ?")
                .param(sessionId).param(name).param(groupId).update();
    }

    public void deleteGroup(long groupId) {
        jdbc.sql("delete from course_group where id = ?").param(groupId).update();
    }

    public Optional<CourseGroup> findGroupByName(long courseId, String name) {
        return jdbc.sql("""
                        select id, course_id, session_id, name from course_group
                        where course_id = ? and lower(name) = lower(?) order by id fetch first 1 rows only""")
                .param(courseId).param(name).query(GROUP).optional();
    }

    public void putGroupMember(long groupId, long userId, String role) {
        int changed = jdbc.sql("update group_member set role = ? where group_id = ? and user_id = ?")
                .param(role).param(groupId).param(userId).update();
        if (changed == 0) {
            jdbc.sql("insert into group_member (group_id, user_id, role) values (?, ?, ?)")
                    .param(groupId).param(userId).param(role).update();
        }
    }

    public void removeGroupMember(long groupId, long userId) {
        jdbc.sql("delete from group_member where group_id = ? and user_id = ?").param(groupId).param(userId).update();
    }

    public List<Member> groupMembers(long groupId) {
        return jdbc.sql("""
                        select m.user_id, u.username, u.full_name, m.role from group_member m
                        join app_user u on u.id = m.user_id where m.group_id = ? order by m.role desc, u.username""")
                .param(groupId).query(MEMBER).list();
    }

    /** The user's direct role in the course (TEACHER or STUDENT), if any. */
    public Optional<String> courseRole(long courseId, long userId) {
        return jdbc.sql("select role from course_member where course_id = ? and user_id = ?")
                .param(courseId).param(userId).query(String.class).optional();
    }

    /** The user's role in the session (COACH or STUDENT), if any. */
    public Optional<String> sessionRole(long sessionId, long userId) {
        return jdbc.sql("select role from session_member where session_id = ? and user_id = ?")
                .param(sessionId).param(userId).query(String.class).optional();
    }

    /**
     * The user's roles in a course in one round trip (it runs on every course request): direct roles with a null
     * session id, then (session id, role) pairs from the course's sessions.
     */
    List<Membership> memberships(long courseId, long userId) {
        return jdbc.sql("""
                        select cast(null as bigint) as session_id, role from course_member
                        where course_id = :c and user_id = :u
                        union all
                        select sm.session_id, sm.role from session_member sm
                        join course_session s on s.id = sm.session_id
                        where s.course_id = :c and sm.user_id = :u""")
                .param("c", courseId).param("u", userId)
                .query((rs, n) -> new Membership(rs.getObject("session_id", Long.class), rs.getString("role")))
                .list();
    }

    /** @param sessionId null for a role in the course itself */
    record Membership(Long sessionId, String role) {
    }
}
