package org.aula.course;

import jakarta.validation.Valid;
import java.util.Locale;
import org.aula.audit.AuditLog;
import org.aula.course.CourseAdminForms.SessionForm;
import org.aula.user.AppUser;
import org.aula.user.AulaUser;
import org.aula.user.UserRepository;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for the sessions of a course and their coaches and students. */
@Controller
@RequestMapping("/admin/courses/{courseId}/sessions")
class SessionAdminController {

    private final CourseRepository courses;
    private final UserRepository users;
    private final AuditLog auditLog;
    private final MessageSource messages;

    SessionAdminController(CourseRepository courses, UserRepository users, AuditLog auditLog,
                           MessageSource messages) {
        this.courses = courses;
        this.users = users;
        this.auditLog = auditLog;
        this.messages = messages;
    }

    @GetMapping("/new")
    String createForm(@PathVariable long courseId, Model model) {
        model.addAttribute("course", course(courseId));
        model.addAttribute("form", new SessionForm("", null, null));
        return "admin/courses/session";
    }

    @PostMapping
    @Transactional
    String create(@PathVariable long courseId, @Valid @ModelAttribute("form") SessionForm form, BindingResult errors,
                  @AuthenticationPrincipal AulaUser me, Model model, RedirectAttributes redirect, Locale locale) {
        Course course = course(courseId);
        checkDates(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("course", course);
            return "admin/courses/session";
        }
        long id = courses.createSession(courseId, form.name().strip(), form.startsOn(), form.endsOn());
        auditLog.record(me.username(), "session.create", "course:" + course.code(), form.name().strip());
        redirect.addFlashAttribute("notice", messages.getMessage("platform.saved", null, locale));
        return "redirect:/admin/courses/" + courseId + "/sessions/" + id;
    }

    @GetMapping("/{sessionId}")
    String edit(@PathVariable long courseId, @PathVariable long sessionId, Model model) {
        CourseSession session = session(courseId, sessionId);
        model.addAttribute("form", SessionForm.of(session));
        addDetails(courseId, session, model);
        return "admin/courses/session";
    }

    @PostMapping("/{sessionId}")
    @Transactional
    String update(@PathVariable long courseId, @PathVariable long sessionId,
                  @Valid @ModelAttribute("form") SessionForm form, BindingResult errors,
                  @AuthenticationPrincipal AulaUser me, Model model, RedirectAttributes redirect, Locale locale) {
        CourseSession session = session(courseId, sessionId);
        checkDates(form, errors);
        if (errors.hasErrors()) {
            addDetails(courseId, session, model);
            return "admin/courses/session";
        }
        courses.updateSession(sessionId, form.name().strip(), form.startsOn(), form.endsOn());
        auditLog.record(me.username(), "session.update", "session:" + sessionId,
                form.name().strip() + " " + form.startsOn() + " – " + form.endsOn());
        redirect.addFlashAttribute("notice", messages.getMessage("platform.saved", null, locale));
        return "redirect:/admin/courses/" + courseId + "/sessions/" + sessionId;
    }

    @PostMapping("/{sessionId}/members")
    @Transactional
    String addMember(@PathVariable long courseId, @PathVariable long sessionId,
                     @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String role,
                     @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect, Locale locale) {
        CourseSession session = session(courseId, sessionId);
        AppUser user = users.findByUsername(username.strip()).orElse(null);
        if (user == null) {
            redirect.addFlashAttribute("error",
                    messages.getMessage("platform.members.unknownUser", new Object[] {username.strip()}, locale));
        } else if (!CourseAdminForms.SESSION_ROLES.contains(role)) {
            redirect.addFlashAttribute("error", messages.getMessage("platform.members.badRole", null, locale));
        } else {
            courses.putSessionMember(sessionId, user.id(), role);
            auditLog.record(me.username(), "session.member.add", "session:" + sessionId + " " + session.name(),
                    user.username() + " as " + role);
            redirect.addFlashAttribute("notice",
                    messages.getMessage("platform.members.added", new Object[] {user.username()}, locale));
        }
        return "redirect:/admin/courses/" + courseId + "/sessions/" + sessionId + "#members";
    }

    @PostMapping("/{sessionId}/members/{userId}/remove")
    @Transactional
    String removeMember(@PathVariable long courseId, @PathVariable long sessionId, @PathVariable long userId,
                        @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect, Locale locale) {
        CourseSession session = session(courseId, sessionId);
        AppUser user = users.findById(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        courses.removeSessionMember(sessionId, userId);
        auditLog.record(me.username(), "session.member.remove", "session:" + sessionId + " " + session.name(),
                user.username());
        redirect.addFlashAttribute("notice",
                messages.getMessage("platform.members.removed", new Object[] {user.username()}, locale));
        return "redirect:/admin/courses/" + courseId + "/sessions/" + sessionId + "#members";
    }

    @GetMapping("/{sessionId}/delete")
    String confirmDelete(@PathVariable long courseId, @PathVariable long sessionId, Model model) {
        model.addAttribute("courseSession", session(courseId, sessionId));
        model.addAttribute("course", course(courseId));
        return "admin/courses/session-delete";
    }

    @PostMapping("/{sessionId}/delete")
    @Transactional
    String delete(@PathVariable long courseId, @PathVariable long sessionId, @AuthenticationPrincipal AulaUser me,
                  RedirectAttributes redirect, Locale locale) {
        CourseSession session = session(courseId, sessionId);
        courses.deleteSession(sessionId);
        auditLog.record(me.username(), "session.delete", "course:" + course(courseId).code(), session.name());
        redirect.addFlashAttribute("notice",
                messages.getMessage("platform.sessions.deleted", new Object[] {session.name()}, locale));
        return "redirect:/admin/courses/" + courseId + "#sessions";
    }

    private static void checkDates(SessionForm form, BindingResult errors) {
        if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            errors.rejectValue("endsOn", "platform.validation.endBeforeStart");
        }
    }

    private void addDetails(long courseId, CourseSession session, Model model) {
        model.addAttribute("course", course(courseId));
        model.addAttribute("courseSession", session);
        model.addAttribute("members", courses.sessionMembers(session.id()));
    }

    private Course course(long courseId) {
        return courses.findById(courseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The session, only when it belongs to the course in the URL (ids are guessable). */
    private CourseSession session(long courseId, long sessionId) {
        return courses.findSession(sessionId).filter(s -> s.courseId() == courseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
