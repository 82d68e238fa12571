package org.aula.recording;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aula.devbbb.DevBbb;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What the recordings list of any room shows and how its actions end, shared by the course tool's list
 * ({@link RecordingsController}) and the other room kinds' ({@link RoomRecordingsController}). Reads the index only.
 */
@Component
class RecordingListView {

    static final int PAGE_SIZE = 20;

    private final RecordingRepository repository;
    private final MessageSource messages;
    private final long pollSeconds;
    private final ObjectProvider<DevBbb> devBbb;

    RecordingListView(RecordingRepository repository, MessageSource messages,
                      @Value("${aula.recording.poll-seconds:10}") long pollSeconds, ObjectProvider<DevBbb> devBbb) {
        this.repository = repository;
        this.devBbb = devBbb;
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

    /**
     * The list fragment of the room's recordings, newest first, a page at a time; viewers see published ones only.
     * {@code listPath} is where the list and its actions live, e.g. "/rooms/7/recordings". Answers an empty 204
     * when the poll's {@code since} version is still current.
     */
    String list(long roomId, boolean moderator, String listPath, int page, String since, Model model,
                HttpServletResponse response) {
        String version = repository.versionOfRoom(roomId, !moderator);
        if (version.equals(since)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        int total = repository.countOfRoom(roomId, !moderator);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString();
        String prefix = listPath + "/";
        List<Row> rows = new ArrayList<>();
        for (IndexedRecording r : repository.pageOfRoom(roomId, !moderator, (current - 1) * PAGE_SIZE, PAGE_SIZE)) {
            List<Link> links = new ArrayList<>();
            List<IndexedRecording.Preview> previews = List.of();
            if (r.playable()) {
                for (IndexedRecording.Format f : r.formats()) {
                    links.add(new Link(f.type(), prefix + r.recordId() + "/play/"
                            + UriUtils.encodePathSegment(f.type(), StandardCharsets.UTF_8)));
                    if (previews.isEmpty() && !f.previews().isEmpty()) {
                        previews = f.previews().subList(0, Math.min(3, f.previews().size())).stream()
                                .map(p -> new IndexedRecording.Preview(forBrowser(p.url()), p.alt(), p.width(),
                                        p.height()))
                                .toList();
                    }
                }
            }
            rows.add(new Row(r.recordId(), r.name(), r.description(), r.published(), r.state(), r.playable(),
                    r.startTime() == null ? null : LocalDateTime.ofInstant(r.startTime(), ZoneId.systemDefault()),
                    r.durationMinutes(), r.participantCount(), links, previews,
                    links.isEmpty() ? null : base + links.getFirst().href()));
        }
        model.addAttribute("listPath", listPath);
        model.addAttribute("rows", rows);
        model.addAttribute("moderator", moderator);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("version", version);
        model.addAttribute("pollSeconds", pollSeconds);
        return "recording/list :: list";
    }

    /** Playback: 404 for unplayable recordings, unknown formats, and unpublished ones unless a moderator asks. */
    String play(IndexedRecording r, String type, boolean moderator) {
        if (!r.playable() || (!r.published() && !moderator)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return r.formats().stream().filter(f -> f.type().equals(type)).findFirst()
                .map(f -> "redirect:" + forBrowser(f.url()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Playback and thumbnails of the built-in BBB server stay on the browser's own host name (relative URLs, allowed
     * by the page's Content-Security-Policy as 'self'); a real BBB's https URLs are kept.
     */
    private String forBrowser(String url) {
        DevBbb builtIn = devBbb.getIfAvailable();
        return builtIn == null || url == null ? url : builtIn.forBrowser(url);
    }

    /** The recording of this room, or 404 when it is not in the index, deleted, or belongs to another room. */
    IndexedRecording recordingOfRoom(long roomId, String recordId) {
        return repository.find(recordId)
                .filter(r -> r.roomId() == roomId)
                .filter(r -> !"deleted".equals(r.state()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Flash message for an action's result, then back to {@code backTo}. */
    String done(RecordingActions.Result result, String doneKey, Locale locale, RedirectAttributes redirect,
                String backTo) {
        switch (result) {
            case DONE -> redirect.addFlashAttribute("notice", msg(doneKey, locale));
            case GONE -> redirect.addFlashAttribute("notice", msg("recording.notice.gone", locale));
            case UNAVAILABLE -> redirect.addFlashAttribute("error", msg("recording.error.unavailable", locale));
            case FAILED -> redirect.addFlashAttribute("error", msg("recording.error.failed", locale));
        }
        return "redirect:" + backTo;
    }

    String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
