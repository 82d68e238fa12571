package org.aula.recording;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aula.conference.Room;
import org.aula.conference.Rooms;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.user.AulaUser;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
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

    static final int PAGE_SIZE = 20;

    private final CourseAccessService courseAccess;
    private final Rooms rooms;
    private final VideoconferenceSettingsService settings;
    private final RecordingRepository repository;
    private final RecordingActions actions;
    private final MessageSource messages;
    private final long pollSeconds;

    RecordingsController(CourseAccessService courseAccess, Rooms rooms, VideoconferenceSettingsService settings,
                         RecordingRepository repository, RecordingActions actions, MessageSource messages,
                         @Value("${aula.recording.poll-seconds:10}") long pollSeconds) {
        this.courseAccess = courseAccess;
        this.rooms = rooms;
        this.settings = settings;
        this.repository = repository;
        this.actions = actions;
        this.messages = messages;
        this.pollSeconds = pollSeconds;
    }

    /** A recording as the list shows it, in the server's time zone. */
    record Row(String recordId, String name, String description, boolean published, String state, boolean playable,
               LocalDateTime startedAt, int durationMinutes, int participants, List<Link> links,
               List<IndexedRecording.Preview> previews, String copyUrl) {
    }

    /** A playback link through Aula (access is checked on every use), e.g. type "presentation". */
    record Link(String type, String href) {
    }

    @GetMapping
    String list(@PathVariable String code, @AuthenticationPrincipal AulaUser user,
                @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String since,
                Model model, HttpServletResponse response) {
        CourseAccess access = access(code, user);
        Room room = rooms.courseRoom(access.course().id(), access.course().title());
        boolean moderator = access.canModerate();
        String version = repository.versionOfRoom(room.id(), !moderator);
        if (version.equals(since)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        int total = repository.countOfRoom(room.id(), !moderator);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString();
        String prefix = "/courses/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8)
                + "/videoconference/recordings/";
        List<Row> rows = new ArrayList<>();
        for (IndexedRecording r : repository.pageOfRoom(room.id(), !moderator, (current - 1) * PAGE_SIZE, PAGE_SIZE)) {
            List<Link> links = new ArrayList<>();
            List<IndexedRecording.Preview> previews = List.of();
            if (r.playable()) {
                for (IndexedRecording.Format f : r.formats()) {
                    links.add(new Link(f.type(), prefix + r.recordId() + "/play/"
                            + UriUtils.encodePathSegment(f.type(), StandardCharsets.UTF_8)));
                    if (previews.isEmpty() && !f.previews().isEmpty()) {
                        previews = f.previews().subList(0, Math.min(3, f.previews().size()));
                    }
                }
            }
            rows.add(new Row(r.recordId(), r.name(), r.description(), r.published(), r.state(), r.playable(),
                    r.startTime() == null ? null : LocalDateTime.ofInstant(r.startTime(), ZoneId.systemDefault()),
                    r.durationMinutes(), r.participantCount(), links, previews,
                    links.isEmpty() ? null : base + links.getFirst().href()));
        }
        model.addAttribute("code", code);
        model.addAttribute("rows", rows);
        model.addAttribute("moderator", moderator);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("version", version);
        model.addAttribute("pollSeconds", pollSeconds);
        return "recording/list :: list";
    }

    /**
     * Playback goes through Aula so that the check happens on every use: an unpublished recording (or one of another
     * course) is a 404 for students even with the exact link.
     */
    @GetMapping("/{recordId}/play/{type}")
    String play(@PathVariable String code, @PathVariable String recordId, @PathVariable String type,
                @AuthenticationPrincipal AulaUser user) {
        CourseAccess access = access(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        if (!r.playable() || (!r.published() && !access.canModerate())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return r.formats().stream().filter(f -> f.type().equals(type)).findFirst()
                .map(f -> "redirect:" + f.url())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/{recordId}/publish")
    String publish(@PathVariable String code, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                   Locale locale, RedirectAttributes redirect) {
        CourseAccess access = moderatorAccess(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        return done(code, actions.publish(r, true, user.username(), code), "recording.notice.published", locale,
                redirect);
    }

    @PostMapping("/{recordId}/unpublish")
    String unpublish(@PathVariable String code, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                     Locale locale, RedirectAttributes redirect) {
        CourseAccess access = moderatorAccess(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        return done(code, actions.publish(r, false, user.username(), code), "recording.notice.unpublished", locale,
                redirect);
    }

    @PostMapping("/{recordId}/rename")
    String rename(@PathVariable String code, @PathVariable String recordId,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                  @AuthenticationPrincipal AulaUser user, Locale locale, RedirectAttributes redirect) {
        CourseAccess access = moderatorAccess(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        if (name.isBlank()) {
            redirect.addFlashAttribute("error", msg("recording.error.nameRequired", locale));
            return back(code);
        }
        return done(code, actions.rename(r, name, description, user.username(), code), "recording.notice.renamed",
                locale, redirect);
    }

    @PostMapping("/{recordId}/delete")
    String delete(@PathVariable String code, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                  Locale locale, RedirectAttributes redirect) {
        CourseAccess access = moderatorAccess(code, user);
        IndexedRecording r = recordingOf(access, recordId);
        return done(code, actions.delete(r, user.username(), code), "recording.notice.deleted", locale, redirect);
    }

    private String done(String code, RecordingActions.Result result, String doneKey, Locale locale,
                        RedirectAttributes redirect) {
        switch (result) {
            case DONE -> redirect.addFlashAttribute("notice", msg(doneKey, locale));
            case GONE -> redirect.addFlashAttribute("notice", msg("recording.notice.gone", locale));
            case UNAVAILABLE -> redirect.addFlashAttribute("error", msg("recording.error.unavailable", locale));
            case FAILED -> redirect.addFlashAttribute("error", msg("recording.error.failed", locale));
        }
        return back(code);
    }

    private static String back(String code) {
        return "redirect:/courses/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/videoconference";
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

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
