package org.aula.conference;

import java.util.Locale;
import java.util.Map;
import org.aula.audit.AuditLog;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.course.CourseRepository;
import org.aula.course.CourseSession;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A course session's room (policy: {@link SessionRoomPolicy}); course teachers also set the session's own limit. */
@Controller
@RequestMapping("/courses/{code}/sessions/{sessionId}/room")
class SessionRoomController extends RoomController {

    private final CourseAccessService courseAccess;
    private final CourseRepository courses;
    private final SessionRoomPolicy policy;
    private final RoomMeetingOptions meetingOptions;
    private final AuditLog audit;
    private final MessageSource messages;

    SessionRoomController(RoomPages pages, CourseAccessService courseAccess, CourseRepository courses,
                          SessionRoomPolicy policy, RoomMeetingOptions meetingOptions, AuditLog audit,
                          MessageSource messages) {
        super(pages);
        this.courseAccess = courseAccess;
        this.courses = courses;
        this.policy = policy;
        this.meetingOptions = meetingOptions;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    protected RoomAccess access(Map<String, String> path, AulaUser user) {
        CourseAccess access = courseAccess(path, user);
        CourseSession session = courses.findSession(id(path, "sessionId"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return policy.access(access, session, user);
    }

    private CourseAccess courseAccess(Map<String, String> path, AulaUser user) {
        return courseAccess.access(path.get("code"), user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Override
    protected void decorate(RoomAccess access, AulaUser user, Model model) {
        // Course teachers (and admins) set a session's own participant limit; its coaches moderate only.
        model.addAttribute("sessionLimitEditable",
                courseAccess.access(access.courseCode(), user).map(CourseAccess::isTeacher).orElse(false));
        model.addAttribute("sessionLimit", meetingOptions.sessionLimit(access.room()));
    }

    @PostMapping("/limit")
    String limit(@PathVariable Map<String, String> path, @AuthenticationPrincipal AulaUser user,
                 @RequestParam(required = false) Integer maxParticipants, Locale locale,
                 RedirectAttributes redirect) {
        pages.requireActive();
        CourseAccess course = courseAccess(path, user);
        RoomAccess access = access(path, user);
        if (!course.isTeacher()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Integer limit = maxParticipants == null || maxParticipants < 0 ? null : maxParticipants;
        meetingOptions.setSessionLimit(access.room(), limit);
        audit.record(user.username(), "room.session.limit", access.room().contextKey(),
                "maxParticipants=" + (limit == null ? "course default" : limit));
        redirect.addFlashAttribute("notice", messages.getMessage("rooms.limit.saved", null, locale));
        return "redirect:" + access.pagePath();
    }
}
