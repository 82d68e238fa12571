package org.aula.conference;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.aula.bbb.BbbException;
import org.aula.bbbaccess.BbbAccess;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.user.AulaUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The course's videoconference tool. Rendering reads Aula's room state only (never BBB); start and end are the only
 * actions that call BBB, join only signs a URL.
 */
@Controller
@RequestMapping("/courses/{code}/videoconference")
class VideoconferenceController {

    private static final Logger log = LoggerFactory.getLogger(VideoconferenceController.class);
    static final int PAST_MEETINGS_SHOWN = 20;

    private final CourseAccessService courseAccess;
    private final CourseRoomPolicy policy;
    private final Rooms rooms;
    private final ConferenceService conference;
    private final VideoconferenceSettingsService settings;
    private final BbbAccess bbb;
    private final AppUrls urls;
    private final MessageSource messages;
    private final RoomMeetingOptions meetingOptions;
    private final ParticipantLimit limit;

    VideoconferenceController(CourseAccessService courseAccess, CourseRoomPolicy policy, Rooms rooms,
                              ConferenceService conference, VideoconferenceSettingsService settings, BbbAccess bbb,
                              AppUrls urls, MessageSource messages, RoomMeetingOptions meetingOptions,
                              ParticipantLimit limit) {
        this.meetingOptions = meetingOptions;
        this.limit = limit;
        this.courseAccess = courseAccess;
        this.policy = policy;
        this.rooms = rooms;
        this.conference = conference;
        this.settings = settings;
        this.bbb = bbb;
        this.urls = urls;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable String code, @AuthenticationPrincipal AulaUser user, Model model) {
        CourseAccess access = access(code, user);
        Room room = rooms.courseRoom(access.course().id(), access.course().title());
        RoomState state = rooms.state(room.id());
        model.addAttribute("course", access.course());
        model.addAttribute("access", access);
        model.addAttribute("canModerate", policy.canStart(access));
        model.addAttribute("room", room);
        model.addAttribute("state", state);
        model.addAttribute("availability", bbb.availability());
        model.addAttribute("meetings", rooms.meetingsOfRoom(room.id(), PAST_MEETINGS_SHOWN + 1).stream()
                .filter(m -> !m.isOpen()).limit(PAST_MEETINGS_SHOWN)
                .map(m -> new PastMeeting(LocalDateTime.ofInstant(m.startedAt(), ZoneId.systemDefault()),
                        m.durationMinutes(), m.startedByName()))
                .toList());
        return "conference/tool";
    }

    /** A row of the past-meetings list, in the server's time zone. */
    record PastMeeting(LocalDateTime startedAt, long minutes, String startedBy) {
    }

    @PostMapping("/start")
    String start(@PathVariable String code, @AuthenticationPrincipal AulaUser user, HttpServletRequest request,
                 Locale locale, RedirectAttributes redirect) {
        CourseAccess access = access(code, user);
        if (!policy.canStart(access)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Room room = rooms.courseRoom(access.course().id(), access.course().title());
        String base = urls.base(request);
        var options = new StartOptions(settings.recordingEnabledFor(access.course().id()), base,
                urls.logoutUrl(request, toolPath(code)),
                Map.of("aula-course", access.course().code()));
        try {
            URI join = conference.start(room, policy.participant(access, user), options);
            limit.admit(rooms.state(room.id()), user.id(), true, 0);
            return "redirect:" + urls.forBrowser(join);
        } catch (BbbUnavailableException e) {
            log.warn("Start in {} failed: {}", code, e.getMessage());
            redirect.addFlashAttribute("error", msg("conference.error.unavailable", locale));
        } catch (BbbException e) {
            log.warn("Start in {} refused by BBB: {}", code, e.getMessage());
            redirect.addFlashAttribute("error", msg("conference.error.startFailed", locale));
        }
        return "redirect:/courses/" + code + "/videoconference";
    }

    /*
     * Join is a POST with the CSRF token rather than a plain link: it sends the user's name and id into a meeting,
     * so another site must not be able to push a signed-in user into a conference (a GET could be triggered by an
     * <img> or a prefetch). A GET only leads back to the tool page.
     */
    @PostMapping("/join")
    String join(@PathVariable String code, @AuthenticationPrincipal AulaUser user, Locale locale,
                RedirectAttributes redirect) {
        CourseAccess access = access(code, user);
        if (!policy.canJoin(access)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Room room = rooms.courseRoom(access.course().id(), access.course().title());
        RoomState state = rooms.state(room.id());
        if (state.open()) {
            int max = meetingOptions.participantLimit(room);
            if (!limit.admit(state, user.id(), access.canModerate(), max)) {
                redirect.addFlashAttribute("error", messages.getMessage("rooms.error.full", new Object[] {max}, locale));
                return "redirect:/courses/" + code + "/videoconference";
            }
        }
        try {
            var join = conference.joinUrl(room, policy.participant(access, user));
            if (join.isPresent()) {
                return "redirect:" + urls.forBrowser(join.get());
            }
        } catch (BbbUnavailableException e) {
            redirect.addFlashAttribute("error", msg("conference.error.unavailable", locale));
            return "redirect:/courses/" + code + "/videoconference";
        }
        // The seed's behaviour: with no open room, the videoconference link leads back to the course home.
        redirect.addFlashAttribute("notice", msg("conference.notice.notOpen", locale));
        return "redirect:/courses/" + code;
    }

    @GetMapping("/join")
    String joinLink(@PathVariable String code, @AuthenticationPrincipal AulaUser user) {
        access(code, user);
        return "redirect:/courses/" + code + "/videoconference";
    }

    @PostMapping("/end")
    String end(@PathVariable String code, @AuthenticationPrincipal AulaUser user, Locale locale,
               RedirectAttributes redirect) {
        CourseAccess access = access(code, user);
        if (!policy.canEnd(access)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Room room = rooms.courseRoom(access.course().id(), access.course().title());
        try {
            if (conference.end(room)) {
                redirect.addFlashAttribute("notice", msg("conference.notice.ended", locale));
            }
        } catch (BbbUnavailableException e) {
            log.warn("End in {} failed: {}", code, e.getMessage());
            redirect.addFlashAttribute("error", msg("conference.error.endUnavailable", locale));
        } catch (BbbException e) {
            log.warn("End in {} refused by BBB: {}", code, e.getMessage());
            redirect.addFlashAttribute("error", msg("conference.error.endFailed", locale));
        }
        return "redirect:/courses/" + code + "/videoconference";
    }

    /** The course access, or 404 for outsiders and while the plugin is off (the tool does not exist then). */
    private CourseAccess access(String code, AulaUser user) {
        if (!settings.current().isActive()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return courseAccess.access(code, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String toolPath(String code) {
        return "/courses/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/videoconference";
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
