package org.aula.recording;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Map;
import org.aula.bbbaccess.BbbAccess;
import org.aula.conference.Meeting;
import org.aula.conference.Room;
import org.aula.conference.Rooms;
import org.aula.devbbb.DevBbb;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The teacher's story: recording switched on in the course settings, a meeting on the devserver ends, its recording
 * appears on the open tool page without a reload; students see it only while it is published; rename and delete.
 */
class RecordingBrowserTest extends BrowserTest {

    static final String COURSE = "DEMO101";
    static final String TOOL = "/courses/" + COURSE + "/videoconference";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DevBbb devBbb;
    @Autowired
    BbbAccess bbb;
    @Autowired
    Rooms rooms;
    @Autowired
    RecordingRepository repository;
    @Autowired
    VideoconferenceSettingsService settings;

    long courseId() {
        return jdbc.sql("select id from course where code = ?").param(COURSE).query(Long.class).single();
    }

    @AfterEach
    void recordingBackToDefault() {
        long id = courseId();
        settings.setCourseRecording(id, null);
        jdbc.sql("delete from course_setting where course_id = ? and name like 'recording.%'").param(id).update();
    }

    @Test
    void teacherRecordsAMeetingAndManagesItsRecording() {
        Page teacher = loginAs("teacher");
        teacher.setDefaultTimeout(30_000);
        teacher.onDialog(dialog -> dialog.accept());

        // Course settings: recording on.
        teacher.navigate(url("/courses/" + COURSE));
        teacher.click("#course-settings-link");
        assertThat(teacher.locator("#recording-enabled")).isVisible();
        teacher.check("#recording-enabled");
        teacher.click("#recording-save");
        assertThat(teacher.locator("#notice")).containsText("Recording settings saved");
        assertThat(teacher.locator("#recording-enabled")).isChecked();
        checkPage(teacher);

        // Participants are told before joining.
        teacher.navigate(url(TOOL));
        assertThat(teacher.locator("#vc-recording-notice")).isVisible();
        assertThat(teacher.locator("#vc-room-closed")).isVisible();

        // A recorded meeting on the devserver: the teacher joins, a simulated participant too, the teacher ends it.
        teacher.click("#vc-start");
        teacher.waitForURL(u -> u.contains("/devbbb/client/"));
        assertThat(teacher.locator("#dev-user-role")).hasText("MODERATOR");
        Room room = rooms.courseRoom(courseId(), "DEMO101");
        Meeting meeting = rooms.openMeeting(room.id()).orElseThrow();
        assertThat(meeting.record()).isTrue();
        new RecordingFixtures(bbb, devBbb, repository, rooms)
                .control("participants/add", Map.of("meetingID", meeting.bbbMeetingId(), "count", "1"));
        teacher.navigate(url(TOOL));
        teacher.click("#vc-end");
        assertThat(teacher.locator("#vc-room-closed")).isVisible();
        teacher.evaluate("window.__notReloaded = true");

        // The recording reaches the index (callback or quick check) and then the open page, without a reload.
        await().atMost(Duration.ofSeconds(60)).until(() -> !repository.ofMeeting(meeting.id()).isEmpty()
                && repository.ofMeeting(meeting.id()).getFirst().playable());
        String recordId = repository.ofMeeting(meeting.id()).getFirst().recordId();
        Locator item = teacher.locator(".rec-item[data-record-id='" + recordId + "']");
        item.waitFor(new Locator.WaitForOptions().setTimeout(45_000));
        assertThat(teacher.evaluate("window.__notReloaded === true")).isEqualTo(true);
        assertThat(item.locator(".rec-play").first()).isVisible();
        assertThat(item.locator(".rec-copy")).isVisible();
        assertThat(item.locator(".rec-participants")).containsText("participant");
        checkPage(teacher);

        // The student sees it while it is published...
        Page student = loginAs("student");
        student.setDefaultTimeout(30_000);
        student.navigate(url(TOOL));
        Locator studentItem = student.locator(".rec-item[data-record-id='" + recordId + "']");
        assertThat(studentItem).isVisible();
        assertThat(studentItem.locator(".rec-publish, .rec-unpublish, .rec-delete")).hasCount(0);
        String playHref = studentItem.locator(".rec-play").first().getAttribute("href");
        checkPage(student);

        // ...and not once the teacher unpublished it, not even with the link.
        item.locator(".rec-unpublish").click();
        assertThat(teacher.locator("#notice")).containsText("no longer published");
        assertThat(teacher.locator(".rec-item[data-record-id='" + recordId + "'] .rec-unpublished")).isVisible();
        checkPage(teacher);
        student.navigate(url(TOOL));
        student.locator("#rec-list").waitFor();
        assertThat(student.locator(".rec-item[data-record-id='" + recordId + "']")).hasCount(0);
        assertThat(student.navigate(url(playHref)).status()).isEqualTo(404);

        // Published again, renamed, deleted.
        teacher.locator(".rec-item[data-record-id='" + recordId + "'] .rec-publish").click();
        assertThat(teacher.locator("#notice")).containsText("students can watch it");
        Locator again = teacher.locator(".rec-item[data-record-id='" + recordId + "']");
        again.locator(".rec-edit summary").click();
        again.locator(".rec-name-input").fill("Week 1: limits");
        again.locator(".rec-description-input").fill("Epsilon and delta");
        again.locator(".rec-save").click();
        assertThat(teacher.locator("#notice")).containsText("renamed");
        assertThat(teacher.locator(".rec-item[data-record-id='" + recordId + "'] .rec-name")).hasText("Week 1: limits");
        student.navigate(url(TOOL));
        assertThat(student.locator(".rec-item[data-record-id='" + recordId + "'] .rec-name")).hasText("Week 1: limits");

        teacher.locator(".rec-item[data-record-id='" + recordId + "'] .rec-delete").click();
        assertThat(teacher.locator("#notice")).containsText("deleted");
        teacher.locator("#rec-list").waitFor();
        assertThat(teacher.locator(".rec-item[data-record-id='" + recordId + "']")).hasCount(0);
        assertThat(repository.find(recordId)).isEmpty();
    }
}
