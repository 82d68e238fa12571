package org.aula.course;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.aula.support.BrowserTest;
import org.aula.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EnrolmentImportBrowserTest extends BrowserTest {

    @Autowired UserRepository users;
    @Autowired CourseRepository courses;

    @Test
    void adminFixesABadLineThenTheImportedStudentSeesTheCourse() {
        String username = "bt_" + Long.toString(System.nanoTime(), 36);
        // Its own course: other tests rely on DEMO101 exactly as seeded.
        String course = "BT" + Long.toString(System.nanoTime(), 36).toUpperCase();
        courses.create(course, "Browser import course");
        String header = "username;full_name;email;password;course;role;session;group\n";
        String good = username + ";Bea Browser;bea@example.org;bea-browser-1;" + course + ";student;;\n";

        var admin = loginAs("admin");
        admin.navigate(url("/admin"));
        admin.click("#admin-import");
        admin.setInputFiles("#import-file", new FilePayload("people.csv", "text/csv",
                (header + good + "bt_other;Other;;;" + course + ";studnet;;\n").getBytes(StandardCharsets.UTF_8)));
        admin.click("#import-submit");

        assertThat(admin.locator("#import-errors")).isVisible();
        assertThat(admin.locator("#import-errors li")).hasCount(1);
        assertThat(admin.locator("#import-errors li[data-line='3']")).containsText("Line 3");
        assertThat(admin.locator("#import-errors li[data-line='3']")).containsText("studnet");
        assertThat(admin.locator("#import-summary")).hasCount(0);
        assertThat(users.findByUsername(username)).as("nothing imported").isEmpty();
        checkPage(admin);

        admin.setInputFiles("#import-file", new FilePayload("people.csv", "text/csv",
                (header + good + "bt_other;Other;;;" + course + ";student;;\n").getBytes(StandardCharsets.UTF_8)));
        admin.click("#import-submit");
        assertThat(admin.locator("#import-summary")).isVisible();
        assertThat(admin.locator("#summary-created")).containsText("2");
        assertThat(admin.locator("#import-errors")).hasCount(0);
        checkPage(admin);

        var student = loginAs(username, "bea-browser-1");
        student.navigate(url("/"));
        assertThat(student.locator("#course-list")).containsText(course);
        assertThat(student.locator("#nav-user")).hasText("Bea Browser");
        checkPage(student);
    }
}
