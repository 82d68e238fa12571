package org.aula.conference;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.course.CourseRepository;
import org.aula.settings.RoomOptionsSettings;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The course tool page's room section (loaded with htmx): the session and group rooms this user may use, and for
 * the course room's moderators the preparation of the next meeting (slides, breakout rooms from the groups).
 */
@Controller
@RequestMapping("/courses/{code}/videoconference")
class CourseRoomsController {

    private final CourseAccessService courseAccess;
    private final CourseRepository courses;
    private final CourseRoomPolicy coursePolicy;
    private final GroupRoomPolicy groupPolicy;
    private final RoomOptionsSettings options;
    private final Rooms rooms;
    private final RoomMeetingOptions meetingOptions;
    private final RoomPresentations presentations;
    private final RoomPages pages;

    CourseRoomsController(CourseAccessService courseAccess, CourseRepository courses, CourseRoomPolicy coursePolicy,
                          GroupRoomPolicy groupPolicy, RoomOptionsSettings options, Rooms rooms,
                          RoomMeetingOptions meetingOptions, RoomPresentations presentations, RoomPages pages) {
        this.courseAccess = courseAccess;
        this.courses = courses;
        this.coursePolicy = coursePolicy;
        this.groupPolicy = groupPolicy;
        this.options = options;
        this.rooms = rooms;
        this.meetingOptions = meetingOptions;
        this.presentations = presentations;
        this.pages = pages;
    }

    @GetMapping("/rooms")
    String rooms(@PathVariable String code, @AuthenticationPrincipal AulaUser user, Model model) {
        CourseAccess access = access(code, user);
        long courseId = access.course().id();
        model.addAttribute("course", access.course());
        model.addAttribute("sessions", courses.findSessions(courseId).stream()
                .filter(s -> SessionRoomPolicy.canUse(access, s)).toList());
        model.addAttribute("groups", !options.groupRoomsEnabled(courseId) ? java.util.List.of()
                : courses.findGroups(courseId).stream().filter(g -> groupPolicy.canUse(access, g)).toList());
        boolean moderator = coursePolicy.canStart(access);
        model.addAttribute("prepare", moderator);
        if (moderator) {
            Room room = rooms.courseRoom(courseId, access.course().title());
            model.addAttribute("breakouts", meetingOptions.breakoutsFromGroups(room));
            model.addAttribute("groupCount", meetingOptions.breakoutGroups(room).size());
            model.addAttribute("presentation", presentations.info(room).orElse(null));
            model.addAttribute("extensions", String.join(", ", RoomPresentations.EXTENSIONS));
            model.addAttribute("maxMegabytes", RoomPresentations.MAX_BYTES / (1024 * 1024));
        }
        return "rooms/course-rooms :: section";
    }

    @PostMapping("/prepare/breakouts")
    String breakouts(@PathVariable String code, @AuthenticationPrincipal AulaUser user,
                     @RequestParam(defaultValue = "false") boolean breakouts) {
        RoomAccess room = courseRoom(code, user);
        meetingOptions.setBreakoutsFromGroups(room.room(), breakouts);
        return "redirect:" + room.pagePath();
    }

    @PostMapping("/prepare/slides")
    String slides(@PathVariable String code, @AuthenticationPrincipal AulaUser user,
                  @RequestParam("file") MultipartFile file, HttpServletRequest request, Locale locale,
                  RedirectAttributes redirect) {
        RoomAccess room = courseRoom(code, user);
        return pages.uploadSlides(room, file, user, request, locale, redirect, room.pagePath());
    }

    @PostMapping("/prepare/slides/delete")
    String deleteSlides(@PathVariable String code, @AuthenticationPrincipal AulaUser user, Locale locale,
                        RedirectAttributes redirect) {
        RoomAccess room = courseRoom(code, user);
        return pages.deleteSlides(room, locale, redirect, room.pagePath());
    }

    /** The course room as its moderators see it (403 for other members). */
    private RoomAccess courseRoom(String code, AulaUser user) {
        CourseAccess access = access(code, user);
        if (!coursePolicy.canStart(access)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return coursePolicy.access(access, user);
    }

    private CourseAccess access(String code, AulaUser user) {
        pages.requireActive();
        return courseAccess.access(code, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
