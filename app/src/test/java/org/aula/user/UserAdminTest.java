package org.aula.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.aula.audit.AuditLog;
import org.aula.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserAdminTest extends WebTest {

    @Autowired UserRepository users;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired AuditLog auditLog;

    @Test
    void adminCreatesEditsSetsPasswordAndDeletesAUser() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "ua_jansen").param("fullName", "Jan Jansen")
                        .param("email", "jan@example.org").param("enabled", "true").param("_admin", "on")
                        .param("_enabled", "on").param("password", "s3cret-pass"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/users/*"));
        AppUser created = users.findByUsername("ua_jansen").orElseThrow();
        assertThat(created.fullName()).isEqualTo("Jan Jansen");
        assertThat(created.admin()).isFalse();
        assertThat(created.enabled()).isTrue();
        assertThat(passwordEncoder.matches("s3cret-pass", users.findLogin("ua_jansen").orElseThrow().passwordHash()))
                .isTrue();

        mvc.perform(get("/admin/users").with(as("admin")).param("q", "ua_jans"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Jan Jansen")))
                .andExpect(content().string(not(containsString("$2a$"))));

        mvc.perform(get("/admin/users/" + created.id()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"ua_jansen\"")))
                .andExpect(content().string(not(containsString("$2a$"))));

        mvc.perform(post("/admin/users/" + created.id()).with(as("admin")).with(csrf())
                        .param("username", "ua_jansen2").param("fullName", "Jan <b>Jansen</b>")
                        .param("email", "").param("_admin", "on").param("admin", "true").param("_enabled", "on"))
                .andExpect(status().is3xxRedirection());
        AppUser edited = users.findById(created.id()).orElseThrow();
        assertThat(edited.username()).isEqualTo("ua_jansen2");
        assertThat(edited.fullName()).isEqualTo("Jan <b>Jansen</b>");
        assertThat(edited.email()).isNull();
        assertThat(edited.admin()).isTrue();
        assertThat(edited.enabled()).isFalse();
        // output is escaped
        mvc.perform(get("/admin/users/" + created.id()).with(as("admin")))
                .andExpect(content().string(containsString("Jan &lt;b&gt;Jansen&lt;/b&gt;")));

        mvc.perform(post("/admin/users/" + created.id() + "/password").with(as("admin")).with(csrf())
                        .param("password", "short"))
                .andExpect(status().is3xxRedirection());
        assertThat(passwordEncoder.matches("s3cret-pass",
                users.findLogin("ua_jansen2").orElseThrow().passwordHash())).isTrue();
        mvc.perform(post("/admin/users/" + created.id() + "/password").with(as("admin")).with(csrf())
                        .param("password", "another-pass-1"))
                .andExpect(status().is3xxRedirection());
        assertThat(passwordEncoder.matches("another-pass-1",
                users.findLogin("ua_jansen2").orElseThrow().passwordHash())).isTrue();

        mvc.perform(get("/admin/users/" + created.id() + "/delete").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"confirm-delete\"")));
        mvc.perform(post("/admin/users/" + created.id() + "/delete").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findById(created.id())).isEmpty();

        assertThat(auditLog.newest(0, 50)).extracting(e -> e.action() + " " + e.target() + " by " + e.actorName())
                .contains("user.create user:ua_jansen by admin", "user.update user:ua_jansen2 by admin",
                        "user.password user:ua_jansen2 by admin", "user.delete user:ua_jansen2 by admin");
        assertThat(auditLog.newest(0, 50)).noneMatch(e -> String.valueOf(e.details()).contains("another-pass-1"));
    }

    @Test
    void duplicatesAndInvalidFieldsAreRejectedWithFieldErrors() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "TEACHER").param("fullName", "Someone").param("email", "not-an-email")
                        .param("_enabled", "on").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This username is already taken.")))
                .andExpect(content().string(containsString("Enter a valid email address.")));
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "bad name!").param("fullName", "").param("password", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use only letters, digits and . _ @ -")))
                .andExpect(content().string(containsString("Please fill in this field.")))
                .andExpect(content().string(containsString("The password must be 8 to 72 characters long.")));
        assertThat(users.findByUsername("bad name!")).isEmpty();

        long studentId = users.findByUsername("student").orElseThrow().id();
        mvc.perform(post("/admin/users/" + studentId).with(as("admin")).with(csrf())
                        .param("username", "student2").param("fullName", "Sam de Wit").param("_enabled", "on")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This username is already taken.")));
        assertThat(users.findById(studentId).orElseThrow().username()).isEqualTo("student");
    }

    @Test
    void aUserCreatedWithoutPasswordIsToldCannotSignIn() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "ua_nopass").param("fullName", "No Pass").param("_enabled", "on")
                        .param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findLogin("ua_nopass")).isEmpty();
        assertThat(users.hasPassword(users.findByUsername("ua_nopass").orElseThrow().id())).isFalse();
    }

    @Test
    void anAdminCannotLockThemselvesOut() throws Exception {
        long adminId = users.findByUsername("admin").orElseThrow().id();
        mvc.perform(post("/admin/users/" + adminId).with(as("admin")).with(csrf())
                        .param("username", "admin").param("fullName", "Ada Verhoeven").param("_admin", "on")
                        .param("_enabled", "on"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You cannot take away your own administrator right.")));
        mvc.perform(post("/admin/users/" + adminId + "/delete").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        AppUser admin = users.findById(adminId).orElseThrow();
        assertThat(admin.admin()).isTrue();
        assertThat(admin.enabled()).isTrue();
    }

    @Test
    void changesWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin"))
                        .param("username", "ua_nocsrf").param("fullName", "No Csrf"))
                .andExpect(status().isForbidden());
        assertThat(users.findByUsername("ua_nocsrf")).isEmpty();
    }
}
