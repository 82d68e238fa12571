package org.aula.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aula.support.AppTest;
import org.aula.support.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Role, enabled and existence changes count on the user's next request, over real HTTP sessions. */
class AccountChangesTest extends AppTest {

    @LocalServerPort int port;
    @Autowired UserRepository users;
    @Autowired PasswordEncoder passwordEncoder;

    private long account(String username, boolean admin) {
        return users.create(username, passwordEncoder.encode("right-password"), "Account " + username, null, admin);
    }

    @Test
    void aRemovedAdminRightEndsAdminAccessOnTheNextRequest() {
        long id = account("ac_admin", true);
        HttpSession session = HttpSession.signIn(port, "ac_admin", "right-password");
        assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);

        users.update(id, "ac_admin", "Account ac_admin", null, false, true);

        assertThat(session.get("/admin/users").statusCode()).isEqualTo(403);
        // nor can the old session create a new admin
        var create = session.post("/admin/users", Map.of("username", "ac_sneaky", "fullName", "Sneaky",
                "password", "another-password", "admin", "true", "enabled", "true"));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(users.findByUsername("ac_sneaky")).isEmpty();
        // the page shows the user as they are now
        assertThat(session.get("/").body()).doesNotContain("id=\"nav-admin\"");
    }

    @Test
    void aGrantedAdminRightCountsWithoutSigningInAgain() {
        long id = account("ac_promoted", false);
        HttpSession session = HttpSession.signIn(port, "ac_promoted", "right-password");
        assertThat(session.get("/admin/users").statusCode()).isEqualTo(403);
        users.update(id, "ac_promoted", "Account ac_promoted", null, true, true);
        assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountIsSignedOut() {
        long id = account("ac_disabled", false);
        HttpSession session = HttpSession.signIn(port, "ac_disabled", "right-password");
        assertThat(session.get("/rooms/personal").statusCode()).isEqualTo(200);

        users.update(id, "ac_disabled", "Account ac_disabled", null, false, false);

        var page = session.get("/rooms/personal");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        var start = session.post("/rooms/personal/start", Map.of());
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aDeletedAccountsSessionLeadsToTheLoginPageNotToAnError() {
        long id = account("ac_deleted", false);
        HttpSession session = HttpSession.signIn(port, "ac_deleted", "right-password");
        assertThat(session.get("/profile").statusCode()).isEqualTo(200);

        users.delete(id);

        for (String path : new String[] {"/profile", "/", "/rooms/personal"}) {
            var page = session.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
        }
        var start = session.post("/rooms/personal/start", Map.of());
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aRenamedAccountShowsItsNewNameOnTheNextPage() {
        long id = account("ac_renamed", false);
        HttpSession session = HttpSession.signIn(port, "ac_renamed", "right-password");
        users.updateFullName(id, "Brand New Name");
        assertThat(session.get("/").body()).contains("Brand New Name");
    }
}
