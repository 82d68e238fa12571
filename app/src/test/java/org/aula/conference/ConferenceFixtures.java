package org.aula.conference;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A course of its own per test class (the application context is shared): teacher, student, coach of a session,
 * session student, outsider, a teacher of another course, a coach of another course's session, and an admin.
 */
public final class ConferenceFixtures {

    public static final String PASSWORD = "pw-" + UUID.randomUUID();

    public final String code;
    public final String teacher;
    public final String student;
    public final String coach;
    public final String sessionStudent;
    public final String outsider;
    public final String otherTeacher;
    public final String otherCoach;
    public final String admin;
    public final long courseId;

    private final JdbcClient jdbc;
    private final String hash;

    public ConferenceFixtures(JdbcClient jdbc, PasswordEncoder encoder, String prefix) {
        this.jdbc = jdbc;
        this.hash = encoder.encode(PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        this.code = (prefix + suffix).toUpperCase();
        courseId = insert("insert into course (code, title) values (?, ?)", code, "Course " + code);
        long otherCourse = insert("insert into course (code, title) values (?, ?)", code + "X", "Other " + code);
        teacher = user(prefix + "-teacher-" + suffix, "Tess Teacher", false);
        student = user(prefix + "-student-" + suffix, "Stu O'Dent <b>", false);
        coach = user(prefix + "-coach-" + suffix, "Coco Coach", false);
        sessionStudent = user(prefix + "-sstudent-" + suffix, "Sessie Student", false);
        outsider = user(prefix + "-outsider-" + suffix, "Otto Outsider", false);
        otherTeacher = user(prefix + "-oteacher-" + suffix, "Other Teacher", false);
        otherCoach = user(prefix + "-ocoach-" + suffix, "Other Coach", false);
        admin = user(prefix + "-admin-" + suffix, "Ada Admin", true);
        member(courseId, teacher, "TEACHER");
        member(courseId, student, "STUDENT");
        member(otherCourse, otherTeacher, "TEACHER");
        long session = insert("insert into course_session (course_id, name) values (?, ?)", courseId, "Session 1");
        sessionMember(session, coach, "COACH");
        sessionMember(session, sessionStudent, "STUDENT");
        long otherSession = insert("insert into course_session (course_id, name) values (?, ?)", otherCourse, "S");
        sessionMember(otherSession, otherCoach, "COACH");
    }

    public long userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
    }

    private String user(String username, String fullName, boolean admin) {
        insert("insert into app_user (username, password_hash, full_name, admin) values (?, ?, ?, ?)", username, hash,
                fullName, admin);
        return username;
    }

    private void member(long course, String username, String role) {
        jdbc.sql("insert into course_member (course_id, user_id, role) values (?, ?, ?)")
                .params(course, userId(username), role).update();
    }

    private void sessionMember(long session, String username, String role) {
        jdbc.sql("insert into session_member (session_id, user_id, role) values (?, ?, ?)")
                .params(session, userId(username), role).update();
    }

    private long insert(String sql, Object... params) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
