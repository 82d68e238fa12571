package org.aula.course;

import jakarta.validation.Valid;
import java.util.Locale;
import org.aula.audit.AuditLog;
import org.aula.course.CourseAdminForms.GroupForm;
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

/** Admin pages for the groups of a course (optionally tied to one session) and their members and tutors. */
@Controller
@RequestMapping("/admin/courses/{courseId}/groups")
class GroupAdminController {

    private final CourseRepository courses;
    private final UserRepository users;
    private final AuditLog auditLog;
    private final MessageSource messages;

    GroupAdminController(CourseRepository courses, UserRepository users, AuditLog auditLog, MessageSource messages) {
        this.courses = courses;
        this.users = users;
        this.auditLog = auditLog;
        this.messages = messages;
    }

    @GetMapping("/new")
    String createForm(@PathVariable long courseId, Model model) {
        addCourse(course(courseId), model);
        model.addAttribute("form", new GroupForm("", null));
        return "admin/courses/group";
    }

    @PostMapping
    @Transactional
    String create(@PathVariable long courseId, @Valid @ModelAttribute("form") GroupForm form, BindingResult errors,
                  @AuthenticationPrincipal AulaUser me, Model model, RedirectAttributes redirect, Locale locale) {
        Course course = course(courseId);
        checkSession(courseId, form, errors);
        if (errors.hasErrors()) {
            addCourse(course, model);
            return "admin/courses/group";
        }
        long id = courses.createGroup(courseId, form.sessionId(), form.name().strip());
        auditLog.record(me.username(), "group.create", "course:" + course.code(), form.name().strip());
        redirect.addFlashAttribute("notice", messages.getMessage("platform.saved", null, locale));
        return "redirect:/admin/courses/" + courseId + "/groups/" + id;
    }

    @GetMapping("/{groupId}")
    String edit(@PathVariable long courseId, @PathVariable long groupId, Model model) {
        CourseGroup group = group(courseId, groupId);
        model.addAttribute("form", GroupForm.of(group));
        addDetails(courseId, group, model);
        return "admin/courses/group";
    }

    @PostMapping("/{groupId}")
    @Transactional
    String update(@PathVariable long courseId, @PathVariable long groupId,
                  @Valid @ModelAttribute("form") GroupForm form, BindingResult errors,
                  @AuthenticationPrincipal AulaUser me, Model model, RedirectAttributes redirect, Locale locale) {
        CourseGroup group = group(courseId, groupId);
        checkSession(courseId, form, errors);
        if (errors.hasErrors()) {
            addDetails(courseId, group, model);
            return "admin/courses/group";
        }
        courses.updateGroup(groupId, form.sessionId(), form.name().strip());
        auditLog.record(me.username(), "group.update", "group:" + groupId,
                form.name().strip() + (form.sessionId() == null ? "" : ", session " + form.sessionId()));
        redirect.addFlashAttribute("notice", messages.getMessage("platform.saved", null, locale));
        return "redirect:/admin/courses/" + courseId + "/groups/" + groupId;
    }

    @PostMapping("/{groupId}/members")
    @Transactional
    String addMember(@PathVariable long courseId, @PathVariable long groupId,
                     @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String role,
                     @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect, Locale locale) {
        CourseGroup group = group(courseId, groupId);
        AppUser user = users.findByUsername(username.strip()).orElse(null);
        if (user == null) {
            redirect.addFlashAttribute("error",
                    messages.getMessage("platform.members.unknownUser", new Object[] {username.strip()}, locale));
        } else if (!CourseAdminForms.GROUP_ROLES.contains(role)) {
            redirect.addFlashAttribute("error", messages.getMessage("platform.members.badRole", null, locale));
        } else {
            courses.putGroupMember(groupId, user.id(), role);
            auditLog.record(me.username(), "group.member.add", "group:" + groupId + " " + group.name(),
                    user.username() + " as " + role);
            redirect.addFlashAttribute("notice",
                    messages.getMessage("platform.members.added", new Object[] {user.username()}, locale));
        }
        return "redirect:/admin/courses/" + courseId + "/groups/" + groupId + "#members";
    }

    @PostMapping("/{groupId}/members/{userId}/remove")
    @Transactional
    String removeMember(@PathVariable long courseId, @PathVariable long groupId, @PathVariable long userId,
                        @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect, Locale locale) {
        CourseGroup group = group(courseId, groupId);
        AppUser user = users.findById(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        courses.removeGroupMember(groupId, userId);
        auditLog.record(me.username(), "group.member.remove", "group:" + groupId + " " + group.name(),
                user.username());
        redirect.addFlashAttribute("notice",
                messages.getMessage("platform.members.removed", new Object[] {user.username()}, locale));
        return "redirect:/admin/courses/" + courseId + "/groups/" + groupId + "#members";
    }

    @GetMapping("/{groupId}/delete")
    String confirmDelete(@PathVariable long courseId, @PathVariable long groupId, Model model) {
        model.addAttribute("group", group(courseId, groupId));
        model.addAttribute("course", course(courseId));
        return "admin/courses/group-delete";
    }

    @PostMapping("/{groupId}/delete")
    @Transactional
    String delete(@PathVariable long courseId, @PathVariable long groupId, @AuthenticationPrincipal AulaUser me,
                  RedirectAttributes redirect, Locale locale) {
        CourseGroup group = group(courseId, groupId);
        courses.deleteGroup(groupId);
        auditLog.record(me.username(), "group.delete", "course:" + course(courseId).code(), group.name());
        redirect.addFlashAttribute("notice",
                messages.getMessage("platform.groups.deleted", new Object[] {group.name()}, locale));
        return "redirect:/admin/courses/" + courseId + "#groups";
    }

    /** A group may only be tied to a session of its own course. */
    private void checkSession(long courseId, GroupForm form, BindingResult errors) {
        if (form.sessionId() != null
                && courses.findSession(form.sessionId()).filter(s -> s.courseId() == courseId).isEmpty()) {
            errors.rejectValue("sessionId", "platform.validation.unknownSession");
        }
    }

    private void addCourse(Course course, Model model) {
        model.addAttribute("course", course);
        model.addAttribute("sessions", courses.findSessions(course.id()));
    }

    private void addDetails(long courseId, CourseGroup group, Model model) {
        addCourse(course(courseId), model);
        model.addAttribute("group", group);
        model.addAttribute("members", courses.groupMembers(group.id()));
    }

    private Course course(long courseId) {
        return courses.findById(courseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private CourseGroup group(long courseId, long groupId) {
        return courses.findGroup(groupId).filter(g -> g.courseId() == courseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
