package org.aula.conference;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.aula.support.BrowserTest;
import org.aula.user.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo works under whatever host name the browser used (issue #13): the join redirect leads into the built-in
 * server on that host, and leaving leads back to it.
 */
class DemoHostNamesBrowserTest extends BrowserTest {

    @Autowired Rooms rooms;
    @Autowired ConferenceService conference;
    @Autowired UserRepository users;

    @AfterEach
    void closeTheRoom() {
        long teacher = users.findByUsername("teacher").orElseThrow().id();
        rooms.roomByContextKey("personal:" + teacher).ifPresent(room -> {
            if (rooms.state(room.id()).open()) {
                conference.end(room);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2"})
    void theConferenceOpensAndLeavesOnTheBrowsersHostName(String host) {
        String origin = "http://" + host + ":" + port;
        Page teacher = newPage();
        teacher.navigate(origin + "/login");
        teacher.fill("#username", "teacher");
        teacher.fill("#password", "demo");
        teacher.click("#login-submit");
        teacher.waitForURL(u -> !u.contains("/login"));

        teacher.navigate(origin + "/rooms/personal");
        teacher.click("#room-start");

        assertThat(teacher).hasURL(Pattern.compile(origin.replace(".", "\\.") + "/devbbb/.*"));
        assertThat(teacher.locator("#dev-user-role")).hasText("MODERATOR");
        assertThat(teacher.locator("#dev-status")).hasAttribute("data-status", "connected");

        teacher.click("#dev-leave");
        assertThat(teacher).hasURL(origin + "/rooms/personal");
        assertThat(teacher.locator("#room-end")).isVisible();
    }
}
