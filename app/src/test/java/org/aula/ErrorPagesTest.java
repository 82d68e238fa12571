package org.aula;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.support.AppTest;
import org.aula.support.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages are friendly pages in the layout, and give nothing away. */
class ErrorPagesTest extends AppTest {

    @LocalServerPort int port;

    @Test
    void notFoundAndForbiddenShowFriendlyPagesWithoutInternals() {
        var outsider = HttpSession.signIn(port, "outsider", "demo");
        var course = outsider.get("/courses/DEMO101");
        assertThat(course.statusCode()).isEqualTo(404);
        assertThat(course.body()).contains("Page not found").contains("id=\"nav-user\"")
                .as("no raw reason phrase alert").doesNotContain("id=\"error\"");
        var unknown = outsider.get("/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Page not found");

        var student = HttpSession.signIn(port, "student", "demo");
        var admin = student.get("/admin/users");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("Access denied");

        var nl = HttpSession.signIn(port, "student2", "demo").language("nl");
        assertThat(nl.get("/admin").body()).contains("Geen toegang");

        for (var response : new java.net.http.HttpResponse<?>[] {course, unknown, admin}) {
            assertThat(response.body().toString()).doesNotContainIgnoringCase("exception")
                    .doesNotContain("trace").doesNotContain("org.springframework").doesNotContain("$2a$");
        }
    }
}
