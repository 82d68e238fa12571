package org.aula.recording;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.aula.conference.Room;
import org.aula.conference.Rooms;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.user.AulaUser;
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
import org.springframework.web.util.UriUtils;

/**
 * The recordings of a course room: a fragment the tool page loads with htmx (and polls, see below), playback links
 * that check access on every use, and the moderators' actions. Reads Aula's index only; BBB is called by the actions
 * alone.
 *
 * <p>New recordings appear without a page reload through a light htmx poll rather than the room's SSE channel: the
 * room signals carry room state only, a recording arrives long after the meeting (when nobody watches the room
 * stream any more), and a poll keeps conference free of any knowledge of recordings. The poll sends the version it
 * shows; when nothing changed the answer is an empty 204 (one indexed count query, no BBB call, no re-render, so an
 * open rename form is not disturbed).
 */
@Controller
@RequestMapping("/courses/{code}/videoconference/recordings")
class RecordingsController {

    private final CourseAccessService courseAccess;
    private final Rooms rooms;
    private final VideoconferenceSettingsService settings;
    private final RecordingRepository repository;
    private final RecordingActions actions;
    private final RecordingListView view;

    RecordingsController(CourseAccessService courseAccess, Rooms rooms, VideoconferenceSettingsService settings,
                         RecordingRepository repository, RecordingActions actions, RecordingListView view) {
        this.courseAccess = courseAccess;
        this.rooms = rooms;
        this.settings = settings;
        this.repository = repository;
        this.actions = actions;
        this.view = view;
    }

    @GetMapping
    String list(@PathVariable String code, @AuthenticationPrincipal AulaUser user,
                @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String since,
                Model model, HttpServletResponse response) {
        CourseAccess access = access(code, user);
        Room room = rooms.courseRoom(access.course().id(), access.course().title());
        return view.list(room.id(), access.canModerate(), listPath(code), page, since, model, response);
    }

    /**
     * Playback goes through Aula so that the check happens on every use: an unpublished recording (or one of another
     * course) is a 404 for students even with the exact link.
     */
    @GetMapping("/{recordId}/play/{type}")
    String play(@PathVariable String code, @PathVariable String recordId, @PathVariable String type,
                @AuthenticationPrincipal AulaUser user) {
        CourseAccess access = access(code, user);
        return view.play(recordingOf(access, recordId), type, access.canModerate());
    }

    @PostMapping("/{recordId}/publish")
    String publish(@PathVariable String code, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                   Locale locale, RedirectAttributes redirect) {
        CourseAccess access = moderatorAccess(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        return view.done(actions.publish(r, true, user.username(), code), "recording.notice.published", locale,
                redirect, back(code));
    }

    @PostMapping("/{recordId}/unpublish")
    String unpublish(@PathVariable String code, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                     Locale locale, RedirectAttributes redirect) {
        CourseAccess access = moderatorAccess(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        return view.done(actions.publish(r, false, user.username(), code), "recording.notice.unpublished", locale,
                redirect, back(code));
    }

    @PostMapping("/{recordId}/rename")
    String rename(@PathVariable String code, @PathVariable String recordId,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                  @AuthenticationPrincipal AulaUser user, Locale locale, RedirectAttributes redirect) {
        CourseAccess access = moderatorAccess(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        if (name.isBlank()) {
            redirect.addFlashAttribute("error", view.msg("recording.error.nameRequired", locale));
            return "redirect:" + back(code);
        }
        return view.done(actions.rename(r, name, description, user.username(), code), "recording.notice.renamed",
                locale, redirect, back(code));
    }

    @PostMapping("/{recordId}/delete")
    String delete(@PathVariable String code, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                  Locale locale, RedirectAttributes redirect) {
        CourseAccess access = moderatorAccess(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        return view.done(actions.delete(r, user.username(), code), "recording.notice.deleted", locale, redirect,
                back(code));
    }

    private static String listPath(String code) {
        return "/courses/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/videoconference/recordings";
    }

    private static String back(String code) {
        return "/courses/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/videoconference";
    }

    /** The recording, or 404 when it is not in the index or belongs to another course. */
    private IndexedRecording recordingOf(CourseAccess access, String recordId) {
        return repository.find(recordId)
                .filter(r -> r.courseId() != null && r.courseId() == access.course().id())
                .filter(r -> !"deleted".equals(r.state()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private CourseAccess moderatorAccess(String code, AulaUser user) {
        CourseAccess access = access(code, user);
        if (!access.canModerate()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return access;
    }

    /** Like the tool itself: 404 for outsiders and while the plugin is off. */
    private CourseAccess access(String code, AulaUser user) {
        if (!settings.current().isActive()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return courseAccess.access(code, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
