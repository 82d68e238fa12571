package org.aula.conference;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Pattern;
import org.aula.devbbb.DevBbb;
import org.aula.settings.VideoconferenceSettings;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.settings.VideoconferenceSettingsUpdate;
import org.aula.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed document's story in real browsers: the administrator connects the plugin, the Videoconference link appears
 * in the course, a student is turned back before the start, the teacher starts as moderator, the waiting student is
 * joined automatically as viewer, the teacher ends and the room shows closed.
 */
class SeedStoryBrowserTest extends BrowserTest {

    static final String COURSE = "DEMO101";
    static final String TOOL = "/courses/" + COURSE + "/videoconference";

    @Autowired
    DevBbb devBbb;
    @Autowired
    VideoconferenceSettingsService settings;
    @Autowired
    Rooms rooms;
    @Autowired
    ConferenceService conference;

    /** The machine is shared with other builds; give slow page loads more time than the base class does. */
    @Override
    protected Page newPage(String locale) {
        Page page = super.newPage(locale);
        page.setDefaultTimeout(30_000);
        page.setDefaultNavigationTimeout(30_000);
        return page;
    }

    @AfterEach
    void leaveThePluginOnAndTheRoomClosed() {
        VideoconferenceSettings s = settings.current();
        settings.save(new VideoconferenceSettingsUpdate(true, devBbb.url(), devBbb.secret(), s.checksumAlgorithm(),
                s.recordingDefault(), s.lockCourseSettings(), s.defaultDurationMinutes(), s.welcomeMessage()), null, null);
        rooms.roomByContextKey("course:" + demoCourseId()).ifPresent(room -> {
            if (rooms.state(room.id()).open()) {
                conference.end(room);
            }
        });
    }

    @Test
    void adminConnectsTeacherStartsWaitingStudentJoinsTeacherEnds() {
        // Start from "installed but switched off", as in the seed.
        VideoconferenceSettings s = settings.current();
        settings.save(new VideoconferenceSettingsUpdate(false, s.serverUrl(), null, s.checksumAlgorithm(),
                s.recordingDefault(), s.lockCourseSettings(), s.defaultDurationMinutes(), s.welcomeMessage()), null, null);

        Page teacher = loginAs("teacher");
        teacher.navigate(url("/courses/" + COURSE));
        assertThat(teacher.locator("#tool-videoconference")).hasCount(0);

        // Administration → Plugins → Videoconference: test connection, a wrong secret, then save the working config.
        Page admin = loginAs("admin");
        admin.navigate(url("/admin"));
        admin.click("#admin-plugin-videoconference");
        assertThat(admin).hasURL(Pattern.compile(".*/admin/plugins/videoconference$"));
        assertThat(admin.locator("#vc-secret")).hasValue("");
        admin.fill("#vc-server-url", devBbb.url());
        admin.click("#vc-test");
        assertThat(admin.locator("#vc-test-outcome")).hasAttribute("data-outcome", "OK");
        assertThat(admin.locator("#vc-test-outcome")).containsText("3.0.0-devserver");
        checkPage(admin);

        admin.fill("#vc-secret", "certainly-not-the-secret");
        admin.click("#vc-test");
        assertThat(admin.locator("#vc-test-outcome")).hasAttribute("data-outcome", "WRONG_SECRET");
        assertThat(admin.locator("#vc-test-outcome")).containsText("secret");

        admin.fill("#vc-secret", "");
        admin.check("#vc-enabled");
        admin.click("#vc-save");
        assertThat(admin.locator("#notice")).isVisible();
        checkPage(admin);
        assertThat(admin.content()).doesNotContain(devBbb.secret());

        teacher.navigate(url("/courses/" + COURSE));
        assertThat(teacher.locator("#tool-videoconference")).isVisible();

        // A student who tries to join before the start lands on the course home with a notice.
        Page student = loginAs("student");
        student.navigate(url("/courses/" + COURSE));
        student.click("#tool-videoconference");
        assertThat(student.locator("#vc-room-closed")).isVisible();
        student.click("#vc-join");
        assertThat(student).hasURL(Pattern.compile(".*/courses/" + COURSE + "$"));
        assertThat(student.locator("#notice")).containsText("not open yet");
        checkPage(student);

        // The student waits on the tool page.
        student.navigate(url(TOOL));
        student.check("#vc-auto-join");
        assertThat(student.locator("#vc-wait-status")).isVisible();
        checkPage(student);

        // The teacher starts and lands in the meeting as moderator.
        teacher.click("#tool-videoconference");
        teacher.click("#vc-start");
        assertThat(teacher).hasURL(Pattern.compile(".*/devbbb/.*"));
        assertThat(teacher.locator("#dev-user-role")).hasText("MODERATOR");

        // The waiting student follows on their own, as viewer, within a few seconds.
        assertThat(student.locator("#dev-user-role"))
                .hasText("VIEWER", new LocatorAssertions.HasTextOptions().setTimeout(8_000));
        assertThat(student.url()).contains("/devbbb/");

        // The teacher ends the meeting from the tool page; the room shows closed at once.
        teacher.navigate(url(TOOL));
        assertThat(teacher.locator("#vc-room-open")).isVisible();
        checkPage(teacher);
        teacher.click("#vc-end");
        assertThat(teacher).hasURL(Pattern.compile(".*" + TOOL + "$"));
        assertThat(teacher.locator("#vc-room-closed")).isVisible();
        assertThat(teacher.locator("#vc-meetings")).containsText("Thomas Jansen");
        checkPage(teacher);
    }

    @Autowired
    org.aula.course.CourseRepository courses;

    private long demoCourseId() {
        return courses.findByCode(COURSE).orElseThrow().id();
    }
}
