package org.aula.attendance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aula.conference.ConferenceService;
import org.aula.conference.Rooms;
import org.aula.course.CourseRepository;
import org.aula.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two students join the DEMO101 meeting on the devserver through the tool page and leave (the client page's Leave
 * button) at different times; the teacher's attendance page and its CSV show each one's real time present. The
 * devserver delivers user-joined/user-left as signed webhooks, so this runs the whole path. Presence lasts seconds
 * here, so the test compares seconds (and the minutes derived from them) rather than waiting minutes.
 */
class AttendanceBrowserTest extends BrowserTest {

    static final String COURSE = "DEMO101";
    static final String TOOL = "/courses/" + COURSE + "/videoconference";

    @Autowired
    WebhookRegistration webhooks;
    @Autowired
    Rooms rooms;
    @Autowired
    ConferenceService conference;
    @Autowired
    CourseRepository courses;

    @Override
    protected Page newPage(String locale) {
        Page page = super.newPage(locale);
        page.setDefaultTimeout(30_000);
        page.setDefaultNavigationTimeout(30_000);
        return page;
    }

    @AfterEach
    void closeTheRoom() {
        long courseId = courses.findByCode(COURSE).orElseThrow().id();
        rooms.roomByContextKey("course:" + courseId).ifPresent(room -> {
            if (rooms.state(room.id()).open()) {
                conference.end(room);
            }
        });
    }

    Page joinAs(String username) {
        Page page = loginAs(username);
        page.navigate(url(TOOL));
        page.click("#vc-join");
        assertThat(page).hasURL(Pattern.compile(".*/devbbb/client/.*"));
        assertThat(page.locator("#dev-status")).hasAttribute("data-status", "connected");
        return page;
    }

    @Test
    void teacherSeesTheRealPresenceOfTwoStudents() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(webhooks::receivingEvents);

        Page teacher = loginAs("teacher");
        teacher.navigate(url(TOOL));
        teacher.click("#vc-start");
        assertThat(teacher.locator("#dev-status")).hasAttribute("data-status", "connected");

        Page student = joinAs("student");
        Page student2 = joinAs("student2");
        String first = nameOf(student);
        String second = nameOf(student2);
        Thread.sleep(4_000);
        student2.click("#dev-leave");
        Thread.sleep(6_000);
        student.click("#dev-leave");
        // Leaving sends the browser back to the meeting's logout URL, the tool page.
        assertThat(student).hasURL(Pattern.compile(".*" + TOOL + "$"));
        assertThat(student2).hasURL(Pattern.compile(".*" + TOOL + "$"));

        // The teacher opens the attendance of the meeting from the tool page's list (newest first).
        Page page = loginAs("teacher");
        page.navigate(url(TOOL));
        page.locator("#attendance-meetings .attendance-link").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/meetings/\\d+/attendance$"));

        // Webhook deliveries are asynchronous: wait until both leaves are in.
        Locator rows = page.locator("#attendance-table tr.attendance-row");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            page.reload();
            return rows.count() >= 3 && page.locator("#attendance-table").innerText().split("still present", -1).length == 2;
        });
        Map<String, Long> seconds = rows.all().stream().collect(Collectors.toMap(r -> r.getAttribute("data-name"),
                r -> Long.parseLong(r.getAttribute("data-seconds")), (a, b) -> a));
        assertThat(seconds).containsKeys(first, second);
        // student stayed ~10 s, student2 ~4 s (joins and leaves were a few seconds apart)
        assertThat(seconds.get(first)).isBetween(6L, 30L);
        assertThat(seconds.get(second)).isBetween(2L, 20L);
        assertThat(seconds.get(first)).isGreaterThan(seconds.get(second));
        assertThat(page.locator("svg#attendance-timeline g.timeline-row")).hasCount(rows.count());
        checkPage(page);

        // The CSV says the same.
        String csvUrl = page.locator("#attendance-csv").getAttribute("href");
        var response = page.request().get(url(csvUrl));
        assertThat(response.status()).isEqualTo(200);
        List<String> lines = new String(response.body(), StandardCharsets.UTF_8).lines().toList();
        Map<String, String[]> byName = lines.stream().skip(1).map(l -> l.split(","))
                .collect(Collectors.toMap(c -> c[0], c -> c, (a, b) -> a));
        assertThat(Long.parseLong(byName.get(first)[5])).isEqualTo(seconds.get(first));
        assertThat(Long.parseLong(byName.get(second)[5])).isEqualTo(seconds.get(second));
        assertThat(byName.get(first)[1]).isEqualTo("Viewer");
        assertThat(Arrays.stream(byName.values().toArray(String[][]::new)).map(c -> c[1])).contains("Moderator");
        // minutes are the seconds / 60 with one decimal
        assertThat(byName.get(first)[4]).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f",
                Math.round(seconds.get(first) / 6.0) / 10.0));

        // A student sees their own line only.
        Page own = loginAs("student2");
        own.navigate(url(TOOL));
        assertThat(own.locator("#my-attendance tbody tr")).not().hasCount(0);
        own.navigate(page.url());
        assertThat(own.locator("#attendance-table tr.attendance-row")).hasCount(1);
        assertThat(own.locator("#attendance-table tr.attendance-row")).hasAttribute("data-name", second);
        checkPage(own);
    }

    private static String nameOf(Page devClient) {
        return devClient.locator("#dev-user-name").innerText().strip();
    }
}
