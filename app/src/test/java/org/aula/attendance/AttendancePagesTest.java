package org.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.aula.conference.ConferenceFixtures;
import org.aula.conference.MeetingEnded;
import org.aula.conference.MeetingStarted;
import org.aula.conference.RoomKind;
import org.aula.support.WebTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

/** Who sees which attendance, the exports, and the admin meetings report. */
class AttendancePagesTest extends WebTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AttendanceRecorder recorder;
    @Autowired
    ApplicationEventPublisher events;

    ConferenceFixtures f;
    AttendanceTestData data;
    long meeting;
    String page;
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));

    @BeforeEach
    void setUp() {
        f = new ConferenceFixtures(jdbc, encoder, "att");
        data = new AttendanceTestData(jdbc);
        long room = data.courseRoom(f.courseId);
        meeting = data.meeting(room, t0);
        recorder.joined(meeting, "w_t", Long.toString(f.userId(f.teacher)), "Tess Teacher", true, t0,
                AttendanceInterval.WEBHOOK);
        recorder.joined(meeting, "w_s", Long.toString(f.userId(f.student)), "Stu O'Dent <b>", false,
                t0.plusSeconds(5 * 60), AttendanceInterval.WEBHOOK);
        recorder.left(meeting, "w_s", t0.plusSeconds(20 * 60));
        recorder.joined(meeting, "w_s2", Long.toString(f.userId(f.student)), "Stu O'Dent <b>", false,
                t0.plusSeconds(30 * 60), AttendanceInterval.WEBHOOK);
        recorder.joined(meeting, "w_x", "dial-in-7", "=HYPERLINK(\"http://evil\")", false, t0.plusSeconds(10 * 60),
                AttendanceInterval.WEBHOOK);
        data.end(meeting, t0.plusSeconds(45 * 60));
        recorder.meetingEnded(meeting, t0.plusSeconds(45 * 60));
        page = "/courses/" + f.code + "/videoconference/meetings/" + meeting + "/attendance";
    }

    String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void teacherSeesEveryoneWithMinutesAndATimeline() throws Exception {
        String html = body(mvc.perform(get(page).with(as(f.teacher))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("Tess Teacher").contains("Stu O&#39;Dent &lt;b&gt;").doesNotContain("<b>\"")
                .contains("=HYPERLINK");
        assertThat(html).contains("data-seconds=\"2700\"")  // teacher: the whole 45 minutes
                .contains("data-seconds=\"1800\"")            // student: 15 + 15 minutes
                .contains(">45.0<").contains(">30.0<");
        assertThat(html).contains("<svg id=\"attendance-timeline\"").contains("role=\"img\"")
                .contains("<title id='timeline-title'>Presence over the meeting</title>").contains("<desc id=\"timeline-desc\"");
        assertThat(html.split("class=\"timeline-bar\"", -1)).hasSize(1 + 4); // teacher 1, student 2, dial-in 1
        assertThat(html).containsPattern("<title>Stu O(&#39;|&apos;)Dent &lt;b&gt;: \\d\\d:\\d\\d").doesNotContain("<title>Stu O'Dent <b>");
        assertThat(html).contains("attendance.csv").contains("attendance.xlsx");
    }

    @Test
    void coachOfTheCourseSeesEveryoneToo() throws Exception {
        String html = body(mvc.perform(get(page).with(as(f.coach))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("Tess Teacher").contains("Stu O&#39;Dent");
    }

    @Test
    void studentSeesOnlyTheirOwnAttendance() throws Exception {
        String html = body(mvc.perform(get(page).with(as(f.student))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("Stu O&#39;Dent").doesNotContain("Tess Teacher").doesNotContain("HYPERLINK");
        String csv = body(mvc.perform(get(page + ".csv").with(as(f.student))).andExpect(status().isOk()).andReturn());
        assertThat(csv.lines()).hasSize(2);
        String mine = body(mvc.perform(get("/courses/" + f.code + "/videoconference/attendance")
                .header("HX-Request", "true").with(as(f.student))).andExpect(status().isOk()).andReturn());
        assertThat(mine).contains("id=\"my-attendance\"").contains(">30.0<").doesNotContain("<html");
    }

    @Test
    void othersGet404() throws Exception {
        mvc.perform(get(page).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get(page + ".csv").with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get(page + ".xlsx").with(as(f.otherTeacher))).andExpect(status().isNotFound());
        // a meeting of another course, asked for under this course's code
        ConferenceFixtures other = new ConferenceFixtures(jdbc, encoder, "att2");
        long foreign = data.meeting(data.courseRoom(other.courseId), t0);
        mvc.perform(get("/courses/" + f.code + "/videoconference/meetings/" + foreign + "/attendance")
                .with(as(f.teacher))).andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + f.code + "/videoconference/meetings/999999999/attendance")
                .with(as(f.teacher))).andExpect(status().isNotFound());
    }

    @Test
    void csvExportHasTheRowsAndNoFormulas() throws Exception {
        MvcResult r = mvc.perform(get(page + ".csv").with(as(f.teacher))).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).startsWith("text/csv");
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("attendance-" + f.code);
        List<String> lines = body(r).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFFName,Role,First join,Last leave,Minutes,Seconds,Joins");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("Tess Teacher,Moderator,").endsWith(",45.0,2700,1");
        assertThat(lines.get(2)).startsWith("Stu O'Dent <b>,Viewer,").endsWith(",30.0,1800,2");
        assertThat(lines.get(3)).startsWith("\"'=HYPERLINK(\"\"http://evil\"\")\",Viewer,").endsWith(",35.0,2100,1");
    }

    @Test
    void xlsxExportOpensWithTheRowsAsNumbers() throws Exception {
        MvcResult r = mvc.perform(get(page + ".xlsx").with(as(f.teacher))).andExpect(status().isOk()).andReturn();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Name");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("Tess Teacher");
            assertThat(rows.get(1).getCellAsNumber(4)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("45"));
            assertThat(rows.get(2).getCellAsNumber(6)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2"));
            assertThat(rows.get(3).getCellText(0)).isEqualTo("=HYPERLINK(\"http://evil\")"); // text, not a formula
            assertThat(rows.get(3).getCell(0).getFormula()).isNull();
            assertThat(rows.get(1).getCellAsDate(2)).isPresent();
        }
    }

    @Test
    void toolPanelListsTheCourseMeetingsForModerators() throws Exception {
        String panel = body(mvc.perform(get("/courses/" + f.code + "/videoconference/attendance")
                .header("HX-Request", "true").with(as(f.teacher))).andExpect(status().isOk()).andReturn());
        assertThat(panel).contains("id=\"attendance-meetings\"").contains(page);
        mvc.perform(get("/courses/" + f.code + "/videoconference/attendance").with(as(f.outsider)))
                .andExpect(status().isNotFound());
    }

    @Test
    void adminReportIsForAdminsOnly() throws Exception {
        for (String user : List.of(f.teacher, f.student, f.outsider)) {
            mvc.perform(get("/admin/videoconference/meetings").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/videoconference/meetings/export.csv").with(as(user)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void adminReportFiltersAndExports() throws Exception {
        long running = data.meeting(data.courseRoom(f.courseId), t0.plusSeconds(3600));
        String day = LocalDate.ofInstant(t0, ZoneId.systemDefault()).toString();
        String html = body(mvc.perform(get("/admin/videoconference/meetings").param("course", f.code.toLowerCase())
                .with(as(f.admin))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("data-meeting=\"" + meeting + "\"").contains("data-meeting=\"" + running + "\"")
                .contains("2 meetings").contains(page);
        String ended = body(mvc.perform(get("/admin/videoconference/meetings").param("course", f.code)
                .param("state", "ENDED").with(as(f.admin))).andExpect(status().isOk()).andReturn());
        assertThat(ended).contains("data-meeting=\"" + meeting + "\"").doesNotContain("data-meeting=\"" + running + "\"");
        String outOfRange = body(mvc.perform(get("/admin/videoconference/meetings").param("course", f.code)
                .param("from", "2001-01-01").param("to", "2001-01-31").with(as(f.admin))).andReturn());
        assertThat(outOfRange).contains("id=\"report-none\"");

        String csv = body(mvc.perform(get("/admin/videoconference/meetings/export.csv").param("course", f.code)
                .param("from", day).param("to", LocalDate.now().toString()).param("state", "ENDED")
                .with(as(f.admin))).andExpect(status().isOk()).andReturn());
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).isEqualTo(
                "\uFEFFStarted,Ended,Course,Session,Meeting,State,Minutes,Participants,Peak,Recordings");
        // 45 minutes, 3 distinct people, recordings from the recordings feature's table (0 here)
        assertThat(lines.get(1)).contains("," + f.code + ",").contains(",Ended,45,3,0,");

        MvcResult xlsx = mvc.perform(get("/admin/videoconference/meetings/export.xlsx").param("course", f.code)
                .with(as(f.admin))).andExpect(status().isOk()).andReturn();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getFirstSheet().read()).hasSize(3);
        }
    }

    @Test
    void meetingStartAndEndAreAudited() throws Exception {
        long room = data.courseRoom(f.courseId);
        long id = data.meeting(room, Instant.now());
        events.publishEvent(new MeetingStarted(id, room, RoomKind.COURSE, "course:" + f.courseId, f.courseId, "b", null,
                true, f.userId(f.teacher), Instant.now()));
        events.publishEvent(new MeetingEnded(id, room, RoomKind.COURSE, "course:" + f.courseId, f.courseId, "b", null,
                MeetingEnded.ENDED_BY_MODERATOR, 4, Instant.now()));

        var rows = jdbc.sql("select actor_name, action, target, details from audit_event where details like ? order by id")
                .param("meeting " + id + " in %").query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("actor_name", f.teacher).containsEntry("action", "meeting.start")
                .containsEntry("target", "course:" + f.code);
        assertThat(rows.get(1)).containsEntry("actor_name", "system").containsEntry("action", "meeting.end");
        assertThat((String) rows.get(1).get("details")).contains("ENDED_BY_MODERATOR");

        // Admins find them on /admin/audit by searching for the course
        String audit = body(mvc.perform(get("/admin/audit").param("q", "course:" + f.code.toLowerCase())
                .with(as(f.admin))).andExpect(status().isOk()).andReturn());
        assertThat(audit).contains("meeting.start").contains("meeting.end").contains("2 events")
                .doesNotContain("user.create");
        mvc.perform(get("/admin/audit").with(as(f.teacher))).andExpect(status().isForbidden());
    }
}
