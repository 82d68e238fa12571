package org.aula.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aula.support.AppTest;
import org.aula.support.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

class ProfileTest extends AppTest {

    @LocalServerPort int port;
    @Autowired UserRepository users;
    @Autowired PasswordEncoder passwordEncoder;

    @Test
    void theChosenLanguageAppliesFromTheNextPageAndBrowserDefaultFollowsTheBrowser() {
        if (users.findByUsername("pt_lang").isEmpty()) {
            users.create("pt_lang", passwordEncoder.encode("pt-lang-pass"), "Pia Taal", null, false);
        }
        users.updateLocale(users.findByUsername("pt_lang").orElseThrow().id(), null);
        var browser = HttpSession.signIn(port, "pt_lang", "pt-lang-pass").language("en");

        var profile = browser.get("/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains("Pia Taal").contains("Browser default").doesNotContain("$2a$");
        assertThat(browser.get("/").body()).contains("My courses");

        var saved = browser.post("/profile", Map.of("language", "nl"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(browser.get("/profile").body()).contains("Uw voorkeuren zijn opgeslagen.");
        assertThat(browser.get("/").body()).contains("Mijn cursussen");
        assertThat(users.findByUsername("pt_lang").orElseThrow().locale()).isEqualTo("nl");

        browser.post("/profile", Map.of("language", ""));
        assertThat(users.findByUsername("pt_lang").orElseThrow().locale()).isNull();
        assertThat(browser.get("/").body()).contains("My courses");
        assertThat(browser.language("nl").get("/").body()).contains("Mijn cursussen");

        browser.post("/profile", Map.of("language", "xx"));
        assertThat(browser.get("/profile").body()).contains("Kies een van de aangeboden talen.");
        assertThat(users.findByUsername("pt_lang").orElseThrow().locale()).isNull();
    }
}
