package org.aula.attendance;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aula.course.Course;
import org.aula.course.CourseRepository;
import org.aula.course.CourseSession;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin report of meetings across all courses (/admin/** is for admins only, see SecurityConfig): filters, pages of
 * {@value #PAGE_SIZE}, CSV/XLSX export. Renders from the database only: no BBB call.
 */
@Controller
@RequestMapping("/admin/videoconference/meetings")
class MeetingReportController {

    static final int PAGE_SIZE = 50;
    static final int EXPORT_LIMIT = 100_000;
    /** Pages reach this many meetings; beyond it the page asks to narrow the filters (or to export). */
    static final int COUNT_CAP = 10_000;
    static final int DEFAULT_DAYS = 30;

    private final MeetingReport report;
    private final CourseRepository courses;
    private final MessageSource messages;
    private final ZoneId zone = ZoneId.systemDefault();

    MeetingReportController(MeetingReport report, CourseRepository courses, MessageSource messages) {
        this.report = report;
        this.courses = courses;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String course, @RequestParam(required = false) Long session,
                @RequestParam(required = false) String state, @RequestParam(defaultValue = "1") int page,
                Locale locale, Model model, HttpServletResponse response) {
        if (!saneDates(from, to)) {
            // A clear message, and the default range instead of a query the database cannot run.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", datesMessage(locale) + " " + msg("hardening.report.defaultRange", locale));
            from = null;
            to = null;
        }
        MeetingReport.Filter filter = filter(from, to, course, session, state);
        int total = report.count(filter, zone, COUNT_CAP);
        boolean more = total > COUNT_CAP;
        int pages = Math.max(1, (Math.min(total, COUNT_CAP) + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.clamp(page, 1, pages);
        List<MeetingReport.Row> rows = report.page(filter, zone, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        List<CourseSession> sessions = filter.courseCode() == null ? List.of()
                : courses.findByCode(filter.courseCode()).map(Course::id).map(courses::findSessions).orElse(List.of());
        model.addAttribute("filter", filter);
        model.addAttribute("sessions", sessions);
        model.addAttribute("rows", rows.stream().map(r -> new View(r, local(r.startedAt()),
                r.endedAt() == null ? null : local(r.endedAt()))).toList());
        model.addAttribute("total", Math.min(total, COUNT_CAP));
        model.addAttribute("more", more);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("exportLimit", EXPORT_LIMIT);
        return "admin/meetings";
    }

    /** A row with its times in the server's zone. */
    record View(MeetingReport.Row row, LocalDateTime startedAt, LocalDateTime endedAt) {
    }

    @GetMapping("/export.csv")
    void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
             @RequestParam(required = false) String course, @RequestParam(required = false) Long session,
             @RequestParam(required = false) String state, Locale locale, HttpServletResponse response)
            throws IOException {
        if (!saneDates(from, to)) {
            refuseExport(locale, response);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"meetings.csv\"");
        try (TableExport out = TableExport.csv(response.getOutputStream())) {
            export(filter(from, to, course, session, state), locale, out);
        }
    }

    @GetMapping("/export.xlsx")
    void xlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
              @RequestParam(required = false) String course, @RequestParam(required = false) Long session,
              @RequestParam(required = false) String state, Locale locale, HttpServletResponse response)
            throws IOException {
        if (!saneDates(from, to)) {
            refuseExport(locale, response);
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"meetings.xlsx\"");
        try (TableExport out = TableExport.xlsx(response.getOutputStream(), msg("report.title", locale))) {
            export(filter(from, to, course, session, state), locale, out);
        }
    }

    private void export(MeetingReport.Filter filter, Locale locale, TableExport out) {
        out.row(List.of(msg("report.col.started", locale), msg("report.col.ended", locale),
                msg("report.col.course", locale), msg("report.col.session", locale), msg("report.col.meeting", locale),
                msg("report.col.state", locale), msg("report.col.minutes", locale),
                msg("report.col.participants", locale), msg("report.col.peak", locale),
                msg("report.col.recordings", locale)));
        report.query(filter, zone, 0, EXPORT_LIMIT, r -> out.row(Arrays.asList(local(r.startedAt()),
                r.endedAt() == null ? null : local(r.endedAt()), r.courseCode(), r.sessionName(), r.meetingName(),
                msg("report.state." + r.state(), locale), r.minutes(), r.participants(), r.peak(), r.recordings())));
    }

    /** Dates a report can mean; others (year 999999999...) overflow the conversion to instants or the database. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private static boolean saneDates(LocalDate from, LocalDate to) {
        return (from == null || (!from.isBefore(EARLIEST) && !from.isAfter(LATEST)))
                && (to == null || (!to.isBefore(EARLIEST) && !to.isAfter(LATEST)));
    }

    private String datesMessage(Locale locale) {
        return messages.getMessage("hardening.report.dates", new Object[] {EARLIEST.toString(), LATEST.toString()},
                locale);
    }

    /** Checked before anything is streamed: a plain 400 with the reason instead of a truncated file. */
    private void refuseExport(Locale locale, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(datesMessage(locale));
    }

    /** Without dates the last {@value #DEFAULT_DAYS} days; unknown states are ignored. */
    private MeetingReport.Filter filter(LocalDate from, LocalDate to, String course, Long session, String state) {
        if (from == null && to == null) {
            to = LocalDate.now(zone);
            from = to.minusDays(DEFAULT_DAYS);
        }
        String st = "OPEN".equals(state) || "ENDED".equals(state) ? state : null;
        String code = course == null || course.isBlank() ? null : course.strip();
        return new MeetingReport.Filter(from, to, code, code == null ? null : session, st);
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
