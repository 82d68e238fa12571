package org.aula.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.course.CourseRepository;
import org.aula.course.CourseRole;
import org.aula.course.CourseAccessService;
import org.aula.support.AppTest;
import org.aula.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.aula.user.AulaUser;

class DemoDataSeederTest extends AppTest {

    @Autowired UserRepository users;
    @Autowired CourseRepository courses;
    @Autowired CourseAccessService access;
    @Autowired UserDetailsService userDetails;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired DemoDataSeeder seeder;
    @Autowired JdbcClient jdbc;

    @Test
    void seedsTheDemoAccountsWithTheDemoPassword() {
        for (var account : DemoDataSeeder.ACCOUNTS) {
            var user = users.findByUsername(account.username()).orElseThrow();
            assertThat(user.fullName()).isEqualTo(account.fullName());
            assertThat(user.admin()).isEqualTo(account.username().equals("admin"));
            var login = (AulaUser) userDetails.loadUserByUsername(account.username());
            assertThat(passwordEncoder.matches("demo", login.getPassword())).isTrue();
        }
    }

    @Test
    void seedsDemo101WithTeacherStudentsSessionCoachAndGroup() {
        var course = courses.findByCode("DEMO101").orElseThrow();
        assertThat(roles("teacher")).containsExactly(CourseRole.TEACHER);
        assertThat(roles("student")).containsExactlyInAnyOrder(CourseRole.STUDENT, CourseRole.SESSION_STUDENT);
        assertThat(roles("student2")).containsExactlyInAnyOrder(CourseRole.STUDENT, CourseRole.SESSION_STUDENT);
        assertThat(roles("coach")).containsExactly(CourseRole.COACH);
        assertThat(access.access("DEMO101", login("outsider"))).isEmpty();

        var session = courses.findSessionByName(course.id(), DemoDataSeeder.SESSION_NAME).orElseThrow();
        assertThat(courses.sessionMembers(session.id())).extracting(m -> m.username() + ":" + m.role())
                .containsExactlyInAnyOrder("coach:COACH", "student:STUDENT", "student2:STUDENT");
        var group = courses.findGroupByName(course.id(), "Group A").orElseThrow();
        assertThat(courses.groupMembers(group.id())).extracting(m -> m.username() + ":" + m.role())
                .containsExactly("student:MEMBER");
    }

    @Test
    void seedingAgainChangesNothing() {
        long before = counts();
        seeder.seed();
        assertThat(counts()).isEqualTo(before);
    }

    private long counts() {
        return jdbc.sql("""
                select (select count(*) from app_user) * 1000000 + (select count(*) from course) * 10000
                     + (select count(*) from course_member) * 100 + (select count(*) from course_session)
                     + (select count(*) from session_member) + (select count(*) from course_group)
                     + (select count(*) from group_member)""").query(Long.class).single();
    }

    private java.util.Set<CourseRole> roles(String username) {
        return access.access("DEMO101", login(username)).orElseThrow().roles();
    }

    private AulaUser login(String username) {
        return (AulaUser) userDetails.loadUserByUsername(username);
    }
}
