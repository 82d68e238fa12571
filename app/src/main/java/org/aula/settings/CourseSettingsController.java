package org.aula.settings;

import java.util.Locale;
import org.aula.audit.AuditLog;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The course settings page (teachers and admins): one section per concern, each with its own form and POST, so
 * that later sections (room options...) are added without touching the others. Outsiders get 404, other members
 * 403, like every course route.
 */
@Controller
@RequestMapping("/courses/{code}/settings")
class CourseSettingsController {

    private final CourseAccessService courseAccess;
    private final CourseRecordingSettings recording;
    private final VideoconferenceSettingsService settings;
    private final AuditLog audit;
    private final MessageSource messages;

    CourseSettingsController(CourseAccessService courseAccess, CourseRecordingSettings recording,
                             VideoconferenceSettingsService settings, AuditLog audit, MessageSource messages) {
        this.courseAccess = courseAccess;
        this.recording = recording;
        this.settings = settings;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable String code, @AuthenticationPrincipal AulaUser user, Model model) {
        CourseAccess access = teacherAccess(code, user);
        model.addAttribute("course", access.course());
        model.addAttribute("videoconferenceActive", settings.current().isActive());
        model.addAttribute("recording", recording.optionsFor(access.course().id()));
        return "settings/course";
    }

    @PostMapping("/recording")
    String saveRecording(@PathVariable String code, @AuthenticationPrincipal AulaUser user,
                         @RequestParam(defaultValue = "false") boolean enabled,
                         @RequestParam(defaultValue = "false") boolean autoStart,
                         @RequestParam(defaultValue = "false") boolean allowStartStop,
                         Locale locale, RedirectAttributes redirect) {
        CourseAccess access = teacherAccess(code, user);
        if (settings.current().lockCourseSettings()) {
            redirect.addFlashAttribute("error", messages.getMessage("recording.settings.locked", null, locale));
            return "redirect:/courses/" + access.course().code() + "/settings";
        }
        recording.save(access.course().id(), enabled, autoStart, allowStartStop);
        audit.record(user.username(), "course.settings.recording", "course:" + access.course().code(),
                "enabled=" + enabled + ", autoStart=" + autoStart + ", allowStartStop=" + allowStartStop);
        redirect.addFlashAttribute("notice", messages.getMessage("recording.settings.saved", null, locale));
        return "redirect:/courses/" + access.course().code() + "/settings";
    }

    private CourseAccess teacherAccess(String code, AulaUser user) {
        CourseAccess access = courseAccess.access(code, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!access.isTeacher()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return access;
    }
}
