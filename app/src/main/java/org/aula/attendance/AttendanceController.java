package org.aula.attendance;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.aula.conference.Meeting;
import org.aula.conference.Room;
import org.aula.conference.Rooms;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Attendance of a course's meetings. Course moderators (teachers, coaches, admins) see everyone; other members see
 * their own rows only; people without access to the course get 404 (as everywhere in courses). Reads Aula's database
 * only, never BBB.
 */
@Controller
@RequestMapping("/courses/{code}/videoconference")
class AttendanceController {

    static final int MEETINGS_LISTED = 20;

    private final CourseAccessService courseAccess;
    private final Rooms rooms;
    private final AttendanceRepository repository;
    private final MessageSource messages;
    private final ZoneId zone = ZoneId.systemDefault();

    AttendanceController(CourseAccessService courseAccess, Rooms rooms, AttendanceRepository repository,
                         MessageSource messages) {
        this.courseAccess = courseAccess;
        this.rooms = rooms;
        this.repository = repository;
        this.messages = messages;
    }

    /** The course's meetings with attendance links (moderators), or the user's own attendance (others). */
    @GetMapping("/attendance")
    String course(@PathVariable String code, @AuthenticationPrincipal AulaUser user,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CourseAccess access = access(code, user);
        List<Meeting> meetings = rooms.meetingsOfCourse(access.course().id(), MEETINGS_LISTED);
        model.addAttribute("course", access.course());
        model.addAttribute("canModerate", access.canModerate());
        if (access.canModerate()) {
            model.addAttribute("rows", meetings.stream().map(m -> new MeetingRow(m, local(m.startedAt()), null))
                    .toList());
        } else {
            Map<Long, List<AttendanceInterval>> mine = repository.ofUserInMeetings(user.id(),
                            meetings.stream().map(Meeting::id).toList()).stream()
                    .collect(Collectors.groupingBy(AttendanceInterval::meetingId));
            List<MeetingRow> rows = new ArrayList<>();
            for (Meeting m : meetings) {
                List<AttendanceInterval> own = mine.get(m.id());
                if (own != null) {
                    rows.add(new MeetingRow(m, local(m.startedAt()), PersonAttendance.of(own, cutOff(m)).getFirst()));
                }
            }
            model.addAttribute("rows", rows);
        }
        return htmx != null ? "attendance/course :: panel" : "attendance/course";
    }

    /** @param mine the viewer's own attendance (students' list), null in the moderators' list */
    record MeetingRow(Meeting meeting, LocalDateTime startedAt, PersonAttendance mine) {
    }

    @GetMapping("/meetings/{meetingId}/attendance")
    String meeting(@PathVariable String code, @PathVariable long meetingId, @AuthenticationPrincipal AulaUser user,
                   Model model) {
        CourseAccess access = access(code, user);
        Meeting meeting = meetingOf(access, meetingId);
        List<PersonAttendance> people = people(access, meeting);
        model.addAttribute("course", access.course());
        model.addAttribute("meeting", meeting);
        model.addAttribute("canModerate", access.canModerate());
        model.addAttribute("startedAt", local(meeting.startedAt()));
        model.addAttribute("endedAt", meeting.endedAt() == null ? null : local(meeting.endedAt()));
        model.addAttribute("people", people.stream().map(p -> new PersonRow(p, local(p.firstJoin()),
                p.lastLeave() == null ? null : local(p.lastLeave()))).toList());
        model.addAttribute("timeline", AttendanceTimeline.of(people, meeting.startedAt(), cutOff(meeting), zone));
        return "attendance/meeting";
    }

    /** A table row: the person with their times in the server's zone. */
    record PersonRow(PersonAttendance person, LocalDateTime firstJoin, LocalDateTime lastLeave) {
    }

    @GetMapping("/meetings/{meetingId}/attendance.csv")
    void csv(@PathVariable String code, @PathVariable long meetingId, @AuthenticationPrincipal AulaUser user,
             Locale locale, HttpServletResponse response) throws IOException {
        export(code, meetingId, user, locale, response, "csv");
    }

    @GetMapping("/meetings/{meetingId}/attendance.xlsx")
    void xlsx(@PathVariable String code, @PathVariable long meetingId, @AuthenticationPrincipal AulaUser user,
              Locale locale, HttpServletResponse response) throws IOException {
        export(code, meetingId, user, locale, response, "xlsx");
    }

    private void export(String code, long meetingId, AulaUser user, Locale locale, HttpServletResponse response,
                        String format) throws IOException {
        CourseAccess access = access(code, user);
        Meeting meeting = meetingOf(access, meetingId);
        List<PersonAttendance> people = people(access, meeting);
        String file = "attendance-" + access.course().code().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + meetingId
                + "." + format;
        response.setContentType("csv".equals(format) ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        try (TableExport out = "csv".equals(format) ? TableExport.csv(response.getOutputStream())
                : TableExport.xlsx(response.getOutputStream(), msg("attendance.sheet", locale))) {
            out.row(List.of(msg("attendance.col.name", locale), msg("attendance.col.role", locale),
                    msg("attendance.col.firstJoin", locale), msg("attendance.col.lastLeave", locale),
                    msg("attendance.col.minutes", locale), msg("attendance.col.seconds", locale),
                    msg("attendance.col.joins", locale)));
            for (PersonAttendance p : people) {
                out.row(java.util.Arrays.asList(p.name(), msg("attendance.role." + p.role(), locale),
                        local(p.firstJoin()), p.lastLeave() == null ? null : local(p.lastLeave()), p.minutes(),
                        p.seconds(), p.joins()));
            }
        }
    }

    private List<PersonAttendance> people(CourseAccess access, Meeting meeting) {
        List<AttendanceInterval> intervals = access.canModerate() ? repository.ofMeeting(meeting.id())
                : repository.ofMeetingAndUser(meeting.id(), access.userId());
        return PersonAttendance.of(intervals, cutOff(meeting));
    }

    private static Instant cutOff(Meeting meeting) {
        return meeting.endedAt() != null ? meeting.endedAt() : Instant.now();
    }

    private CourseAccess access(String code, AulaUser user) {
        return courseAccess.access(code, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The meeting, if it was held in one of this course's rooms; 404 otherwise (ids of other courses reveal nothing). */
    private Meeting meetingOf(CourseAccess access, long meetingId) {
        Meeting meeting = rooms.meeting(meetingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Room room = rooms.room(meeting.roomId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (room.courseId() == null || room.courseId() != access.course().id()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return meeting;
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
