package org.aula.conference;

import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The course's videoconference tool: the course room (policy: {@link CourseRoomPolicy}) behind the shared room
 * pages, on the tool page with the course's extras (waiting room, session and group rooms, attendance, recordings).
 * Rendering reads Aula's room state only (never BBB); start and end are the only actions that call BBB, join only
 * signs a URL.
 */
@Controller
@RequestMapping("/courses/{code}/videoconference")
class VideoconferenceController extends RoomController {

    private final CourseAccessService courseAccess;
    private final CourseRoomPolicy policy;
    private final MessageSource messages;

    VideoconferenceController(RoomPages pages, CourseAccessService courseAccess, CourseRoomPolicy policy,
                              MessageSource messages) {
        super(pages);
        this.courseAccess = courseAccess;
        this.policy = policy;
        this.messages = messages;
    }

    @Override
    protected RoomAccess access(Map<String, String> path, AulaUser user) {
        return policy.access(courseAccess(path.get("code"), user), user);
    }

    /** The course access, or 404 for outsiders (the tool does not exist for them). */
    private CourseAccess courseAccess(String code, AulaUser user) {
        return courseAccess.access(code, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Override
    protected void decorate(RoomAccess access, AulaUser user, Model model) {
        model.addAttribute("course", courseAccess(access.courseCode(), user).course());
        model.addAttribute("canModerate", access.moderator());
    }

    @Override
    protected String template() {
        return "conference/tool";
    }

    /** The seed's behaviour: with no open room, the videoconference link leads back to the course home. */
    @Override
    protected String whenNotOpen(RoomAccess access, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage("conference.notice.notOpen", null, locale));
        return "redirect:/courses/" + access.courseCode();
    }

    /** A GET of the join URL (a bookmark, a pasted link) only leads back to the tool page; joining is a POST. */
    @GetMapping("/join")
    String joinLink(@PathVariable String code, @AuthenticationPrincipal AulaUser user) {
        pages.requireActive();
        courseAccess(code, user);
        return "redirect:/courses/" + code + "/videoconference";
    }
}
