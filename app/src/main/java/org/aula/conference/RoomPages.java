package org.aula.conference;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.aula.bbb.BbbException;
import org.aula.bbbaccess.BbbAccess;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.user.AulaUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page and the actions every room kind shares (course, session, group, global, personal rooms): the page model,
 * start, join with the participant limit, end, slides. The kind's policy has already decided who the user is in the
 * room ({@link RoomAccess}); every action here checks that decision again.
 */
@Component
class RoomPages {

    private static final Logger log = LoggerFactory.getLogger(RoomPages.class);
    static final int PAST_MEETINGS_SHOWN = 20;

    private final Rooms rooms;
    private final ConferenceService conference;
    private final RoomMeetingOptions meetingOptions;
    private final ParticipantLimit limit;
    private final RoomPresentations presentations;
    private final VideoconferenceSettingsService settings;
    private final BbbAccess bbb;
    private final AppUrls urls;
    private final MessageSource messages;

    RoomPages(Rooms rooms, ConferenceService conference, RoomMeetingOptions meetingOptions, ParticipantLimit limit,
              RoomPresentations presentations, VideoconferenceSettingsService settings, BbbAccess bbb, AppUrls urls,
              MessageSource messages) {
        this.rooms = rooms;
        this.conference = conference;
        this.meetingOptions = meetingOptions;
        this.limit = limit;
        this.presentations = presentations;
        this.settings = settings;
        this.bbb = bbb;
        this.urls = urls;
        this.messages = messages;
    }

    /** Rooms exist only while the videoconference plugin is active; otherwise every room route is 404. */
    void requireActive() {
        if (!settings.current().isActive()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A row of the past-meetings list, in the server's time zone. */
    record PastMeeting(LocalDateTime startedAt, long minutes, String startedBy) {
    }

    /** Fills the model every room page (and the course tool page) renders from. */
    void page(RoomAccess access, Model model) {
        Room room = access.room();
        RoomState state = rooms.state(room.id());
        model.addAttribute("access", access);
        model.addAttribute("room", room);
        model.addAttribute("state", state);
        model.addAttribute("present", limit.count(state));
        model.addAttribute("limit", meetingOptions.participantLimit(room));
        model.addAttribute("availability", bbb.availability());
        model.addAttribute("breakoutsOffered", access.moderator() && RoomMeetingOptions.offersBreakouts(room));
        model.addAttribute("breakouts", meetingOptions.breakoutsFromGroups(room));
        model.addAttribute("presentation", access.moderator() ? presentations.info(room).orElse(null) : null);
        model.addAttribute("extensions", String.join(", ", RoomPresentations.EXTENSIONS));
        model.addAttribute("maxMegabytes", RoomPresentations.MAX_BYTES / (1024 * 1024));
        model.addAttribute("meetings", !access.seesHistory() ? java.util.List.of()
                : rooms.meetingsOfRoom(room.id(), PAST_MEETINGS_SHOWN + 1).stream().filter(m -> !m.isOpen())
                        .limit(PAST_MEETINGS_SHOWN)
                        .map(m -> new PastMeeting(
                                LocalDateTime.ofInstant(m.startedAt(), ZoneId.systemDefault()), m.durationMinutes(),
                                m.startedByName()))
                        .toList());
    }

    String start(RoomAccess access, boolean breakouts, HttpServletRequest request, Locale locale,
                 RedirectAttributes redirect) {
        if (!access.canStart()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Room room = access.room();
        // The course room prepares breakout rooms ahead on its tool page; other rooms choose them on the start form.
        if (access.moderator() && RoomMeetingOptions.offersBreakouts(room) && room.kind() != RoomKind.COURSE) {
            meetingOptions.setBreakoutsFromGroups(room, breakouts);
        }
        String base = urls.base(request);
        boolean record = room.courseId() != null ? settings.recordingEnabledFor(room.courseId())
                : settings.current().recordingDefault();
        var metadata = new HashMap<String, String>();
        metadata.put("aula-room-kind", room.kind().name().toLowerCase(Locale.ROOT));
        if (access.courseCode() != null) {
            metadata.put("aula-course", access.courseCode());
        }
        try {
            URI join = conference.start(room, access.participant(), new StartOptions(record, base,
                    base + access.pagePath(), Map.copyOf(metadata)));
            limit.admit(rooms.state(room.id()), access.userId(), true, 0);
            return "redirect:" + join;
        } catch (BbbUnavailableException e) {
            log.warn("Start in room {} failed: {}", room.contextKey(), e.getMessage());
            redirect.addFlashAttribute("error", msg("conference.error.unavailable", locale));
        } catch (BbbException e) {
            log.warn("Start in room {} refused by BBB: {}", room.contextKey(), e.getMessage());
            redirect.addFlashAttribute("error", msg("conference.error.startFailed", locale));
        }
        return "redirect:" + access.pagePath();
    }

    /**
     * Joins an open room; viewers are turned away with a message once the participant limit is reached. A closed
     * room answers with {@code whenClosed} (by default: back to the room page with a notice).
     */
    String join(RoomAccess access, Locale locale, RedirectAttributes redirect, Supplier<String> whenClosed) {
        Room room = access.room();
        RoomState state = rooms.state(room.id());
        if (!state.open()) {
            return whenClosed.get();
        }
        int max = meetingOptions.participantLimit(room);
        if (!limit.admit(state, access.userId(), access.moderator(), max)) {
            redirect.addFlashAttribute("error", messages.getMessage("rooms.error.full", new Object[] {max}, locale));
            return "redirect:" + access.pagePath();
        }
        try {
            return conference.joinUrl(room, access.participant()).map(u -> "redirect:" + u)
                    .orElse("redirect:" + access.pagePath());
        } catch (BbbUnavailableException e) {
            redirect.addFlashAttribute("error", msg("conference.error.unavailable", locale));
            return "redirect:" + access.pagePath();
        }
    }

    /** The default answer to a join of a closed room: back to its page, with a notice. */
    String notOpen(RoomAccess access, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", msg("rooms.notice.notOpen", locale));
        return "redirect:" + access.pagePath();
    }

    String end(RoomAccess access, Locale locale, RedirectAttributes redirect) {
        if (!access.moderator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            if (conference.end(access.room())) {
                redirect.addFlashAttribute("notice", msg("conference.notice.ended", locale));
            }
        } catch (BbbUnavailableException e) {
            redirect.addFlashAttribute("error", msg("conference.error.endUnavailable", locale));
        } catch (BbbException e) {
            log.warn("End in room {} refused by BBB: {}", access.room().contextKey(), e.getMessage());
            redirect.addFlashAttribute("error", msg("conference.error.endFailed", locale));
        }
        return "redirect:" + access.pagePath();
    }

    /** Stores slides for the next meeting (and sends them into a running one); errors go back as a message. */
    String uploadSlides(RoomAccess access, MultipartFile file, AulaUser user, HttpServletRequest request,
                        Locale locale, RedirectAttributes redirect, String backTo) {
        if (!access.moderator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            boolean live = presentations.upload(access.room(), file.getOriginalFilename(), file.getBytes(), user.id(),
                    urls.base(request));
            redirect.addFlashAttribute("notice", msg(live ? "rooms.slides.sentLive" : "rooms.slides.saved", locale));
        } catch (RoomPresentations.RefusedException e) {
            redirect.addFlashAttribute("error", messages.getMessage("rooms.slides.error." + e.problem.name(),
                    new Object[] {String.join(", ", RoomPresentations.EXTENSIONS),
                            RoomPresentations.MAX_BYTES / (1024 * 1024)}, locale));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", msg("rooms.slides.error.EMPTY", locale));
        } catch (BbbUnavailableException | BbbException e) {
            log.warn("insertDocument in room {} failed: {}", access.room().contextKey(), e.getMessage());
            redirect.addFlashAttribute("error", msg("rooms.slides.error.live", locale));
        }
        return "redirect:" + backTo;
    }

    String deleteSlides(RoomAccess access, Locale locale, RedirectAttributes redirect, String backTo) {
        if (!access.moderator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        presentations.remove(access.room());
        redirect.addFlashAttribute("notice", msg("rooms.slides.removed", locale));
        return "redirect:" + backTo;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
