package org.aula.conference;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.aula.devbbb.DevBbb;
import org.aula.settings.RoomOptionsSettings;
import org.aula.settings.RoomOptionsSettings.CourseOptions;
import org.aula.settings.RoomOptionsSettings.GlobalAudience;
import org.aula.settings.RoomOptionsSettings.Locks;
import org.aula.settings.RoomOptionsSettings.PluginOptions;
import org.aula.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The room kinds in a browser with the demo people of DEMO101: a session room (coach starts, session student joins
 * as viewer), a group room (member in, non-member refused even with the URL), the global room, a personal room via
 * its shared link, the participant limit (viewer refused once full, moderator let in), breakout rooms and slides
 * as the devserver received them on create.
 */
class RoomKindsBrowserTest extends BrowserTest {

    static final String COURSE = "DEMO101";
    static final String TOOL = "/courses/" + COURSE + "/videoconference";
    private static final Locks NO_LOCKS = new Locks(false, false, false, false, false);

    @Autowired
    DevBbb devBbb;
    @Autowired
    Rooms rooms;
    @Autowired
    ConferenceService conference;
    @Autowired
    RoomOptionsSettings options;
    @Autowired
    RoomMeetingOptions meetingOptions;
    @Autowired
    JdbcClient jdbc;

    PluginOptions pluginBefore;
    CourseOptions courseBefore;
    long courseId;

    @Override
    protected Page newPage(String locale) {
        Page page = super.newPage(locale);
        page.setDefaultTimeout(30_000);
        page.setDefaultNavigationTimeout(30_000);
        return page;
    }

    @BeforeEach
    void remember() {
        courseId = jdbc.sql("select id from course where code = ?").param(COURSE).query(Long.class).single();
        pluginBefore = options.plugin();
        courseBefore = options.course(courseId);
    }

    /** Leaves the demo course as other browser tests expect it: options back, every room of the course closed. */
    @AfterEach
    void restore() {
        options.savePlugin(pluginBefore);
        options.saveCourse(courseId, courseBefore);
        for (Room room : rooms.roomsOfCourse(courseId)) {
            if (rooms.state(room.id()).open()) {
                conference.end(room);
            }
            meetingOptions.setBreakoutsFromGroups(room, false);
            if (room.kind() == RoomKind.SESSION) {
                meetingOptions.setSessionLimit(room, null);
            }
        }
        rooms.roomByContextKey(GlobalRoomPolicy.CONTEXT_KEY).filter(r -> rooms.state(r.id()).open())
                .ifPresent(conference::end);
    }

    long sessionId() {
        return jdbc.sql("select s.id from course_session s where s.course_id = ? order by s.id limit 1").param(courseId)
                .query(Long.class).single();
    }

    long groupA() {
        return jdbc.sql("select id from course_group where course_id = ? and name = 'Group A'").param(courseId)
                .query(Long.class).single();
    }

    @Test
    void coachStartsTheSessionRoomAndTheSessionStudentJoinsAsViewer() {
        Page coach = loginAs("coach");
        coach.navigate(url(TOOL));
        coach.locator(".room-link-session").first().click();
        assertThat(coach).hasURL(Pattern.compile(".*/sessions/" + sessionId() + "/room$"));
        coach.click("#room-start");
        assertThat(coach.locator("#dev-user-role")).hasText("MODERATOR");

        Page student = loginAs("student");
        student.navigate(url(TOOL));
        student.locator(".room-link-session").first().click();
        assertThat(student.locator("#room-open")).isVisible();
        checkPage(student);
        student.click("#room-join");
        assertThat(student.locator("#dev-user-role")).hasText("VIEWER");
        String sessionName = jdbc.sql("select name from course_session where id = ?").param(sessionId())
                .query(String.class).single();
        assertThat(student.locator("#dev-meeting-name")).containsText(sessionName); // its own room, not the course's
    }

    @Test
    void aGroupMemberJoinsTheGroupRoomAndANonMemberIsRefusedEvenWithTheUrl() {
        options.savePlugin(plugin(true, false, GlobalAudience.EVERYONE));
        options.saveCourse(courseId, course(true, 0));
        String room = "/courses/" + COURSE + "/groups/" + groupA() + "/room";

        Page teacher = loginAs("teacher");
        teacher.navigate(url(TOOL));
        teacher.locator(".room-link-group", new Page.LocatorOptions().setHasText("Group A")).click();
        teacher.click("#room-start");
        assertThat(teacher.locator("#dev-user-role")).hasText("MODERATOR");

        Page student = loginAs("student");
        student.navigate(url(TOOL));
        student.locator(".room-link-group", new Page.LocatorOptions().setHasText("Group A")).click();
        student.click("#room-join");
        assertThat(student.locator("#dev-user-role")).hasText("VIEWER");

        Page student2 = loginAs("student2");
        student2.navigate(url(TOOL));
        assertThat(student2.locator("#rooms-section")).isAttached();
        assertThat(student2.locator(".room-link-group")).hasCount(0);
        var response = student2.navigate(url(room));
        assertThat(response.status()).isEqualTo(403);
        assertThat(student2.locator("#room-join")).hasCount(0);
        checkPage(student2);
    }

    @Test
    void theGlobalRoomIsLinkedFromTheHomePage() {
        options.savePlugin(plugin(false, true, GlobalAudience.EVERYONE));
        Page admin = loginAs("admin");
        admin.navigate(url("/"));
        admin.click("#link-global-room");
        admin.click("#room-start");
        assertThat(admin.locator("#dev-user-role")).hasText("MODERATOR");

        Page student = loginAs("student");
        student.navigate(url("/"));
        student.click("#link-global-room");
        student.click("#room-join");
        assertThat(student.locator("#dev-user-role")).hasText("VIEWER");

        options.savePlugin(plugin(false, true, GlobalAudience.ADMINS));
        student.navigate(url("/"));
        assertThat(student.locator("#link-my-room")).isVisible();
        assertThat(student.locator("#link-global-room")).hasCount(0);
    }

    @Test
    void aPersonalRoomIsSharedByLink() {
        Page owner = loginAs("student2");
        owner.navigate(url("/"));
        owner.click("#link-my-room");
        String shared = owner.locator("#room-share-url").inputValue();
        assertThat(owner.locator("#room-no-meetings")).isVisible();
        checkPage(owner);
        owner.click("#room-start");
        assertThat(owner.locator("#dev-user-role")).hasText("MODERATOR");

        Page visitor = loginAs("outsider");
        visitor.navigate(shared);
        assertThat(visitor.locator("#room-open")).isVisible();
        assertThat(visitor.locator("#room-no-meetings")).hasCount(0);
        visitor.click("#room-join");
        assertThat(visitor.locator("#dev-user-role")).hasText("VIEWER");
        rooms.roomByContextKey("personal:" + jdbc.sql("select id from app_user where username = 'student2'")
                .query(Long.class).single()).ifPresent(conference::end);
    }

    @Test
    void viewersAreRefusedOnceTheSessionRoomIsFullAndTheCoachIsLetIn() {
        Page teacher = loginAs("teacher");
        String room = "/courses/" + COURSE + "/sessions/" + sessionId() + "/room";
        teacher.navigate(url(room));
        teacher.fill("#session-max", "2");
        teacher.click("#session-limit-save");
        assertThat(teacher.locator("#notice")).isVisible();

        Page coach = loginAs("coach");
        coach.navigate(url(room));
        coach.click("#room-start");
        assertThat(coach.locator("#dev-user-role")).hasText("MODERATOR");
        Room sessionRoom = rooms.roomByContextKey("session:" + sessionId()).orElseThrow();
        String meetingId = rooms.state(sessionRoom.id()).bbbMeetingId();
        new DevBbbControl(devBbb).addParticipants(meetingId, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> rooms.state(sessionRoom.id()).participantCount() >= 3);

        Page student = loginAs("student");
        student.navigate(url(room));
        student.click("#room-join");
        assertThat(student.locator("#error")).containsText("The room is full");
        checkPage(student);
        assertThat(student).hasURL(Pattern.compile(".*" + room + "$"));

        Page coachAgain = loginAs("coach");
        coachAgain.navigate(url(room));
        coachAgain.click("#room-start");
        assertThat(coachAgain.locator("#dev-user-role")).hasText("MODERATOR");
    }

    @Test
    void breakoutRoomsAndSlidesPreparedOnTheToolPageReachTheCreateCall() {
        Page teacher = loginAs("teacher");
        teacher.navigate(url(TOOL));
        teacher.setInputFiles("#room-slides-file", new FilePayload("notes.txt", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8)));
        teacher.click("#room-slides-upload");
        assertThat(teacher.locator("#error")).containsText("cannot be used as slides");
        teacher.setInputFiles("#room-slides-file", new FilePayload("fake.pdf", "application/pdf",
                "<html>".getBytes(StandardCharsets.UTF_8)));
        teacher.click("#room-slides-upload");
        assertThat(teacher.locator("#error")).containsText("does not match");
        teacher.setInputFiles("#room-slides-file", new FilePayload("week 1.pdf", "application/pdf",
                "%PDF-1.4 demo".getBytes(StandardCharsets.UTF_8)));
        teacher.click("#room-slides-upload");
        assertThat(teacher.locator("#notice")).containsText("ready for the next meeting");
        assertThat(teacher.locator("#room-slides-current")).containsText("week 1.pdf");
        checkPage(teacher);

        teacher.check("#prepare-breakouts");
        teacher.click("#prepare-breakouts-save");
        assertThat(teacher.locator("#prepare-breakouts")).isChecked();
        teacher.click("#vc-start");
        assertThat(teacher.locator("#dev-user-role")).hasText("MODERATOR");

        Room courseRoom = rooms.courseRoom(courseId, "");
        String meetingId = rooms.state(courseRoom.id()).bbbMeetingId();
        String created = createParams(meetingId);
        long student = jdbc.sql("select id from app_user where username = 'student'").query(Long.class).single();
        assertThat(created).contains("\"groups\":\"[{\\\"id\\\":\\\"1\\\",\\\"name\\\":\\\"Group A\\\",\\\"roster\\\":[\\\""
                + student + "\\\"");
        assertThat(created).contains("\"documents\":[\"week 1.pdf\"]");
        jdbc.sql("delete from room_presentation where room_id = ?").param(courseRoom.id()).update();
    }

    @Test
    void theAdminAndTheTeacherSetTheRoomOptionsOnTheirSettingsPagesInDutch() {
        Page admin = newPage("nl-NL");
        admin.navigate(url("/login"));
        admin.fill("#username", "admin");
        admin.fill("#password", "demo");
        admin.click("#login-submit");
        admin.waitForURL(u -> !u.contains("/login"));
        admin.navigate(url("/admin/plugins/videoconference"));
        assertThat(admin.locator("#rooms-options")).containsText("Ruimtes en vergaderopties");
        admin.check("#opt-group-rooms");
        admin.fill("#opt-max", "25");
        admin.click("#rooms-options-save");
        assertThat(admin.locator("#notice")).containsText("opgeslagen");
        assertThat(admin.locator("#opt-max")).hasValue("25");
        checkPage(admin);
        assertThat(options.plugin().groupRoomsEnabled()).isTrue();

        Page teacher = loginAs("teacher");
        teacher.navigate(url("/courses/" + COURSE + "/settings"));
        assertThat(teacher.locator("#course-max")).hasAttribute("placeholder", "25");
        teacher.check("#course-group-rooms");
        teacher.fill("#course-max", "12");
        teacher.fill("#course-welcome", "Welcome <script>alert(1)</script>");
        teacher.click("#rooms-course-save");
        assertThat(teacher.locator("#notice")).isVisible();
        assertThat(teacher.locator("#course-max")).hasValue("12");
        assertThat(teacher.locator("#course-welcome")).hasValue("Welcome <script>alert(1)</script>");
        checkPage(teacher);
        assertThat(options.meetingOptions(courseId).maxParticipants()).isEqualTo(12);
        teacher.navigate(url(TOOL));
        assertThat(teacher.locator(".room-link-group", new Page.LocatorOptions().setHasText("Group A"))).isVisible();
    }

    private String createParams(String meetingId) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(devBbb.url() + "/control/create-params?meetingID=" + meetingId))
                    .header("X-Devserver-Secret", devBbb.secret()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PluginOptions plugin(boolean groupRooms, boolean globalRoom, GlobalAudience audience) {
        return new PluginOptions(groupRooms, globalRoom, audience, 0, "", NO_LOCKS);
    }

    private static CourseOptions course(boolean groupRooms, Integer maxParticipants) {
        return new CourseOptions(groupRooms, false, maxParticipants, null, null, null, null, NO_LOCKS);
    }
}
