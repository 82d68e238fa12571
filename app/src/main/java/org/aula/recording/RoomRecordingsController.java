package org.aula.recording;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.aula.conference.RoomViewers;
import org.aula.conference.RoomViewers.RoomViewer;
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

/**
 * The recordings of the rooms other than the course room (session, group, global and personal rooms): the list the
 * room page loads with htmx, playback and the moderators' actions, like {@link RecordingsController} but for one
 * room by id. Who the user is in the room comes from conference ({@link RoomViewers}), so the answers match the room
 * page (404 outsiders, 403 course members the room is not for; a personal room's recordings for its owner and admins
 * only). Reads the index only; BBB is called by the actions alone.
 */
@Controller
@RequestMapping("/rooms/{roomId}/recordings")
class RoomRecordingsController {

    private final RoomViewers viewers;
    private final RecordingActions actions;
    private final RecordingListView view;

    RoomRecordingsController(RoomViewers viewers, RecordingActions actions, RecordingListView view) {
        this.viewers = viewers;
        this.actions = actions;
        this.view = view;
    }

    @GetMapping
    String list(@PathVariable long roomId, @AuthenticationPrincipal AulaUser user,
                @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String since,
                Model model, HttpServletResponse response) {
        RoomViewer viewer = viewers.viewer(roomId, user);
        return view.list(roomId, viewer.moderator(), listPath(roomId), page, since, model, response);
    }

    @GetMapping("/{recordId}/play/{type}")
    String play(@PathVariable long roomId, @PathVariable String recordId, @PathVariable String type,
                @AuthenticationPrincipal AulaUser user) {
        RoomViewer viewer = viewers.viewer(roomId, user);
        return view.play(view.recordingOfRoom(roomId, recordId), type, viewer.moderator());
    }

    @PostMapping("/{recordId}/publish")
    String publish(@PathVariable long roomId, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                   Locale locale, RedirectAttributes redirect) {
        RoomViewer viewer = moderator(roomId, user);
        IndexedRecording r = view.recordingOfRoom(roomId, recordId);
        return view.done(actions.publish(r, true, user.username(), viewer.courseCode()), "recording.notice.published",
                locale, redirect, viewer.pagePath());
    }

    @PostMapping("/{recordId}/unpublish")
    String unpublish(@PathVariable long roomId, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                     Locale locale, RedirectAttributes redirect) {
        RoomViewer viewer = moderator(roomId, user);
        IndexedRecording r = view.recordingOfRoom(roomId, recordId);
        return view.done(actions.publish(r, false, user.username(), viewer.courseCode()),
                "recording.notice.unpublished", locale, redirect, viewer.pagePath());
    }

    @PostMapping("/{recordId}/rename")
    String rename(@PathVariable long roomId, @PathVariable String recordId,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                  @AuthenticationPrincipal AulaUser user, Locale locale, RedirectAttributes redirect) {
        RoomViewer viewer = moderator(roomId, user);
        IndexedRecording r = view.recordingOfRoom(roomId, recordId);
        if (name.isBlank()) {
            redirect.addFlashAttribute("error", view.msg("recording.error.nameRequired", locale));
            return "redirect:" + viewer.pagePath();
        }
        return view.done(actions.rename(r, name, description, user.username(), viewer.courseCode()),
                "recording.notice.renamed", locale, redirect, viewer.pagePath());
    }

    @PostMapping("/{recordId}/delete")
    String delete(@PathVariable long roomId, @PathVariable String recordId, @AuthenticationPrincipal AulaUser user,
                  Locale locale, RedirectAttributes redirect) {
        RoomViewer viewer = moderator(roomId, user);
        IndexedRecording r = view.recordingOfRoom(roomId, recordId);
        return view.done(actions.delete(r, user.username(), viewer.courseCode()), "recording.notice.deleted", locale,
                redirect, viewer.pagePath());
    }

    private RoomViewer moderator(long roomId, AulaUser user) {
        RoomViewer viewer = viewers.viewer(roomId, user);
        if (!viewer.moderator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return viewer;
    }

    private static String listPath(long roomId) {
        return "/rooms/" + roomId + "/recordings";
    }
}
