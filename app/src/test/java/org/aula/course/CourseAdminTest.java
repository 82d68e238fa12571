package org.aula.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.aula.audit.AuditLog;
import org.aula.support.WebTest;
import org.aula.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CourseAdminTest extends WebTest {

    @Autowired CourseRepository courses;
    @Autowired UserRepository users;
    @Autowired AuditLog auditLog;

    @Test
    void adminCreatesEditsAndDeletesACourseAndManagesItsMembers() throws Exception {
        mvc.perform(post("/admin/courses").with(as("admin")).with(csrf())
                        .param("code", "CA-101").param("title", "Course admin test"))
                .andExpect(status().is3xxRedirection());
        Course course = courses.findByCode("CA-101").orElseThrow();
        assertThat(course.title()).isEqualTo("Course admin test");

        mvc.perform(get("/admin/courses").with(as("admin")).param("q", "ca-1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Course admin test")));

        mvc.perform(post("/admin/courses/" + course.id()).with(as("admin")).with(csrf())
                        .param("code", "CA-102").param("title", "Renamed"))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.findById(course.id()).orElseThrow()).isEqualTo(new Course(course.id(), "CA-102", "Renamed"));

        String base = "/admin/courses/" + course.id();
        mvc.perform(post(base + "/members").with(as("admin")).with(csrf())
                        .param("username", "teacher").param("role", "TEACHER"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/members").with(as("admin")).with(csrf())
                        .param("username", "Student2").param("role", "STUDENT"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/members").with(as("admin")).with(csrf())
                        .param("username", "nobody-here").param("role", "STUDENT"))
                .andExpect(flash().attribute("error", "There is no user with the username \"nobody-here\"."));
        mvc.perform(post(base + "/members").with(as("admin")).with(csrf())
                        .param("username", "student").param("role", "OWNER"))
                .andExpect(flash().attribute("error", "Choose one of the offered roles."));
        assertThat(courses.courseMembers(course.id())).extracting(m -> m.username() + ":" + m.role())
                .containsExactly("teacher:TEACHER", "student2:STUDENT");

        mvc.perform(get(base).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Noor El Amrani")));

        long student2 = users.findByUsername("student2").orElseThrow().id();
        mvc.perform(post(base + "/members/" + student2 + "/remove").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.courseMembers(course.id())).extracting(m -> m.username())
                .containsExactly("teacher");

        mvc.perform(get(base + "/delete").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("confirm-delete")));
        mvc.perform(post(base + "/delete").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.findById(course.id())).isEmpty();

        assertThat(auditLog.newest(0, 50)).extracting(e -> e.action() + " " + e.target())
                .contains("course.create course:CA-101", "course.update course:CA-102",
                        "course.member.add course:CA-102", "course.member.remove course:CA-102",
                        "course.delete course:CA-102");
    }

    @Test
    void duplicateAndInvalidCourseCodesAreRejected() throws Exception {
        mvc.perform(post("/admin/courses").with(as("admin")).with(csrf())
                        .param("code", "demo101").param("title", "Again"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A course with this code already exists.")));
        mvc.perform(post("/admin/courses").with(as("admin")).with(csrf())
                        .param("code", "has space").param("title", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use only letters, digits and . _ -")))
                .andExpect(content().string(containsString("Please fill in this field.")));
        assertThat(courses.findByCode("has space")).isEmpty();
    }

    @Test
    void adminManagesSessionsAndTheirCoachesAndStudents() throws Exception {
        long courseId = courses.create("CA-SES", "Sessions test");
        String base = "/admin/courses/" + courseId + "/sessions";
        mvc.perform(post(base).with(as("admin")).with(csrf())
                        .param("name", "Autumn").param("startsOn", "2027-09-01").param("endsOn", "2027-08-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The end date is before the start date.")));
        mvc.perform(post(base).with(as("admin")).with(csrf())
                        .param("name", "Autumn").param("startsOn", "2027-09-01").param("endsOn", "2027-12-20"))
                .andExpect(status().is3xxRedirection());
        CourseSession session = courses.findSessionByName(courseId, "Autumn").orElseThrow();
        assertThat(session.startsOn()).isEqualTo(LocalDate.of(2027, 9, 1));

        mvc.perform(post(base + "/" + session.id()).with(as("admin")).with(csrf())
                        .param("name", "Autumn 2027").param("startsOn", "").param("endsOn", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.findSession(session.id()).orElseThrow())
                .isEqualTo(new CourseSession(session.id(), courseId, "Autumn 2027", null, null));

        mvc.perform(post(base + "/" + session.id() + "/members").with(as("admin")).with(csrf())
                        .param("username", "coach").param("role", "COACH"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/" + session.id() + "/members").with(as("admin")).with(csrf())
                        .param("username", "outsider").param("role", "STUDENT"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/" + session.id() + "/members").with(as("admin")).with(csrf())
                        .param("username", "student").param("role", "TEACHER"))
                .andExpect(flash().attribute("error", "Choose one of the offered roles."));
        assertThat(courses.sessionMembers(session.id())).extracting(m -> m.username() + ":" + m.role())
                .containsExactly("coach:COACH", "outsider:STUDENT");
        mvc.perform(get(base + "/" + session.id()).with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Olivier Peeters")));

        long outsider = users.findByUsername("outsider").orElseThrow().id();
        mvc.perform(post(base + "/" + session.id() + "/members/" + outsider + "/remove").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.sessionMembers(session.id())).extracting(m -> m.username()).containsExactly("coach");

        // A session id under another course's URL is not found.
        long demo = courses.findByCode("DEMO101").orElseThrow().id();
        mvc.perform(get("/admin/courses/" + demo + "/sessions/" + session.id()).with(as("admin")))
                .andExpect(status().isNotFound());

        mvc.perform(post(base + "/" + session.id() + "/delete").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.findSession(session.id())).isEmpty();
    }

    @Test
    void adminManagesGroupsWithOptionalSessionAndTheirMembersAndTutors() throws Exception {
        long courseId = courses.create("CA-GRP", "Groups test");
        long sessionId = courses.createSession(courseId, "Only run", null, null);
        long otherSession = courses.findSessionByName(courses.findByCode("DEMO101").orElseThrow().id(),
                "DEMO101 – Spring 2027").orElseThrow().id();
        String base = "/admin/courses/" + courseId + "/groups";

        mvc.perform(post(base).with(as("admin")).with(csrf())
                        .param("name", "Team 1").param("sessionId", String.valueOf(otherSession)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a session of this course.")));
        mvc.perform(post(base).with(as("admin")).with(csrf()).param("name", "Team 1").param("sessionId", ""))
                .andExpect(status().is3xxRedirection());
        CourseGroup group = courses.findGroupByName(courseId, "Team 1").orElseThrow();
        assertThat(group.sessionId()).isNull();

        mvc.perform(post(base + "/" + group.id()).with(as("admin")).with(csrf())
                        .param("name", "Team One").param("sessionId", String.valueOf(sessionId)))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.findGroup(group.id()).orElseThrow())
                .isEqualTo(new CourseGroup(group.id(), courseId, sessionId, "Team One"));

        mvc.perform(post(base + "/" + group.id() + "/members").with(as("admin")).with(csrf())
                        .param("username", "student").param("role", "MEMBER"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/" + group.id() + "/members").with(as("admin")).with(csrf())
                        .param("username", "coach").param("role", "TUTOR"))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.groupMembers(group.id())).extracting(m -> m.username() + ":" + m.role())
                .containsExactly("coach:TUTOR", "student:MEMBER");

        long student = users.findByUsername("student").orElseThrow().id();
        mvc.perform(post(base + "/" + group.id() + "/members/" + student + "/remove").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.groupMembers(group.id())).extracting(m -> m.username()).containsExactly("coach");

        mvc.perform(get(base + "/" + group.id() + "/delete").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Team One")));
        mvc.perform(post(base + "/" + group.id() + "/delete").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.findGroup(group.id())).isEmpty();
    }
}
