package org.aula.course;

import jakarta.validation.Valid;
import java.util.Locale;
import org.aula.audit.AuditLog;
import org.aula.course.CourseAdminForms.CourseForm;
import org.aula.user.AppUser;
import org.aula.user.AulaUser;
import org.aula.user.UserRepository;
import org.springframework.context.ApplicationEventPublisher;
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

/** Admin pages for courses and their direct members (teachers and students). */
@Controller
@RequestMapping("/admin/courses")
class CourseAdminController {

    static final int PAGE_SIZE = 25;

    private final CourseRepository courses;
    private final UserRepository users;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CourseAdminController(CourseRepository courses, UserRepository users, AuditLog auditLog, MessageSource messages,
                          ApplicationEventPublisher events) {
        this.courses = courses;
        this.users = users;
        this.auditLog = auditLog;
        this.messages = messages;
        this.events = events;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        int total = courses.countCourses(q);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.clamp(page, 1, pages);
        model.addAttribute("courses", courses.searchCourses(q, (current - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "admin/courses/list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", new CourseForm("", ""));
        return "admin/courses/form";
    }

    @PostMapping
    @Transactional
    String create(@Valid @ModelAttribute("form") CourseForm form, BindingResult errors,
                  @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasFieldErrors("code") && courses.findByCodeIgnoringCase(form.code().strip()).isPresent()) {
            errors.rejectValue("code", "platform.validation.codeTaken");
        }
        if (errors.hasErrors()) {
            return "admin/courses/form";
        }
        long id = courses.create(form.code().strip(), form.title().strip());
        auditLog.record(me.username(), "course.create", "course:" + form.code().strip(), form.title().strip());
        redirect.addFlashAttribute("notice", messages.getMessage("platform.saved", null, locale));
        return "redirect:/admin/courses/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Course course = find(id);
        model.addAttribute("form", CourseForm.of(course));
        addDetails(course, model);
        return "admin/courses/edit";
    }

    @PostMapping("/{id}")
    @Transactional
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CourseForm form, BindingResult errors,
                  @AuthenticationPrincipal AulaUser me, Model model, RedirectAttributes redirect, Locale locale) {
        Course course = find(id);
        if (!errors.hasFieldErrors("code")
                && courses.findByCodeIgnoringCase(form.code().strip()).filter(other -> other.id() != id).isPresent()) {
            errors.rejectValue("code", "platform.validation.codeTaken");
        }
        if (errors.hasErrors()) {
            addDetails(course, model);
            return "admin/courses/edit";
        }
        courses.updateCourse(id, form.code().strip(), form.title().strip());
        auditLog.record(me.username(), "course.update", "course:" + form.code().strip(),
                (course.code().equals(form.code().strip()) ? "" : "code was " + course.code() + ", ")
                        + "title: " + form.title().strip());
        redirect.addFlashAttribute("notice", messages.getMessage("platform.saved", null, locale));
        return "redirect:/admin/courses/" + id;
    }

    @PostMapping("/{id}/members")
    @Transactional
    String addMember(@PathVariable long id, @RequestParam(defaultValue = "") String username,
                     @RequestParam(defaultValue = "") String role, @AuthenticationPrincipal AulaUser me,
                     RedirectAttributes redirect, Locale locale) {
        Course course = find(id);
        AppUser user = users.findByUsername(username.strip()).orElse(null);
        if (user == null) {
            redirect.addFlashAttribute("error",
                    messages.getMessage("platform.members.unknownUser", new Object[] {username.strip()}, locale));
        } else if (!CourseAdminForms.COURSE_ROLES.contains(role)) {
            redirect.addFlashAttribute("error", messages.getMessage("platform.members.badRole", null, locale));
        } else {
            courses.putCourseMember(id, user.id(), role);
            auditLog.record(me.username(), "course.member.add", "course:" + course.code(),
                    user.username() + " as " + role);
            redirect.addFlashAttribute("notice", messages.getMessage("platform.members.added",
                    new Object[] {user.username()}, locale));
        }
        return "redirect:/admin/courses/" + id + "#members";
    }

    @PostMapping("/{id}/members/{userId}/remove")
    @Transactional
    String removeMember(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal AulaUser me,
                        RedirectAttributes redirect, Locale locale) {
        Course course = find(id);
        AppUser user = users.findById(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        courses.removeCourseMember(id, userId);
        auditLog.record(me.username(), "course.member.remove", "course:" + course.code(), user.username());
        redirect.addFlashAttribute("notice",
                messages.getMessage("platform.members.removed", new Object[] {user.username()}, locale));
        return "redirect:/admin/courses/" + id + "#members";
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("course", find(id));
        return "admin/courses/delete";
    }

    @PostMapping("/{id}/delete")
    @Transactional
    String delete(@PathVariable long id, @AuthenticationPrincipal AulaUser me, RedirectAttributes redirect,
                  Locale locale) {
        Course course = find(id);
        courses.deleteCourse(id);
        auditLog.record(me.username(), "course.delete", "course:" + course.code(), course.title());
        events.publishEvent(new CourseDeleted(course.id(), course.code(), course.title(), me.username()));
        redirect.addFlashAttribute("notice",
                messages.getMessage("platform.courses.deleted", new Object[] {course.code()}, locale));
        return "redirect:/admin/courses";
    }

    private void addDetails(Course course, Model model) {
        model.addAttribute("course", course);
        model.addAttribute("members", courses.courseMembers(course.id()));
        model.addAttribute("sessions", courses.findSessions(course.id()));
        model.addAttribute("groups", courses.findGroups(course.id()));
    }

    private Course find(long id) {
        return courses.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
