package org.aula.settings;

import java.util.Locale;
import org.aula.audit.AuditLog;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.settings.RoomOptionsSettings.CourseOptions;
import org.aula.settings.RoomOptionsSettings.GlobalAudience;
import org.aula.settings.RoomOptionsSettings.Locks;
import org.aula.settings.RoomOptionsSettings.PluginOptions;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The room options sections of the plugin page (admins; /admin/** is admin-only) and of the course settings page
 * (teachers and admins). Each section is loaded with htmx and has its own form, so the pages' other sections are
 * left alone.
 */
@Controller
class RoomOptionsController {

    private final RoomOptionsSettings options;
    private final VideoconferenceSettingsService settings;
    private final CourseAccessService courseAccess;
    private final AuditLog audit;
    private final MessageSource messages;

    RoomOptionsController(RoomOptionsSettings options, VideoconferenceSettingsService settings,
                          CourseAccessService courseAccess, AuditLog audit, MessageSource messages) {
        this.options = options;
        this.settings = settings;
        this.courseAccess = courseAccess;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/admin/plugins/videoconference/rooms")
    String pluginSection(Model model) {
        model.addAttribute("plugin", options.plugin());
        model.addAttribute("audiences", GlobalAudience.values());
        return "rooms/plugin-options :: section";
    }

    @PostMapping("/admin/plugins/videoconference/rooms")
    String savePlugin(@AuthenticationPrincipal AulaUser user,
                      @RequestParam(defaultValue = "false") boolean groupRooms,
                      @RequestParam(defaultValue = "false") boolean globalRoom,
                      @RequestParam(defaultValue = "EVERYONE") GlobalAudience globalAudience,
                      @RequestParam(required = false) Integer maxParticipants,
                      @RequestParam(defaultValue = "") String moderatorOnlyMessage,
                      @RequestParam(defaultValue = "false") boolean muteOnStart,
                      @RequestParam(defaultValue = "false") boolean webcamsOnlyForModerator,
                      @RequestParam(defaultValue = "false") boolean lockPrivateChat,
                      @RequestParam(defaultValue = "false") boolean lockPublicChat,
                      @RequestParam(defaultValue = "false") boolean lockNotes,
                      Locale locale, RedirectAttributes redirect) {
        var saved = new PluginOptions(groupRooms, globalRoom, globalAudience,
                maxParticipants == null ? 0 : Math.max(0, maxParticipants), moderatorOnlyMessage,
                new Locks(muteOnStart, webcamsOnlyForModerator, lockPrivateChat, lockPublicChat, lockNotes));
        options.savePlugin(saved);
        audit.record(user.username(), "settings.rooms", "plugin:videoconference", describe(saved));
        redirect.addFlashAttribute("notice", messages.getMessage("rooms.options.saved", null, locale));
        return "redirect:/admin/plugins/videoconference";
    }

    @GetMapping("/courses/{code}/settings/rooms")
    String courseSection(@PathVariable String code, @AuthenticationPrincipal AulaUser user, Model model) {
        CourseAccess access = teacherAccess(code, user);
        model.addAttribute("course", access.course());
        model.addAttribute("locked", settings.current().lockCourseSettings());
        model.addAttribute("groupRoomsAvailable", options.plugin().groupRoomsEnabled());
        model.addAttribute("own", options.course(access.course().id()));
        model.addAttribute("effective", options.meetingOptions(access.course().id()));
        return "rooms/course-options :: section";
    }

    @PostMapping("/courses/{code}/settings/rooms")
    String saveCourse(@PathVariable String code, @AuthenticationPrincipal AulaUser user,
                      @RequestParam(defaultValue = "false") boolean groupRooms,
                      @RequestParam(defaultValue = "false") boolean membersStartGroupRooms,
                      @RequestParam(required = false) Integer maxParticipants,
                      @RequestParam(required = false) Integer durationMinutes,
                      @RequestParam(defaultValue = "") String welcome,
                      @RequestParam(defaultValue = "") String moderatorOnlyMessage,
                      @RequestParam(defaultValue = "") String roomName,
                      @RequestParam(defaultValue = "false") boolean muteOnStart,
                      @RequestParam(defaultValue = "false") boolean webcamsOnlyForModerator,
                      @RequestParam(defaultValue = "false") boolean lockPrivateChat,
                      @RequestParam(defaultValue = "false") boolean lockPublicChat,
                      @RequestParam(defaultValue = "false") boolean lockNotes,
                      Locale locale, RedirectAttributes redirect) {
        CourseAccess access = teacherAccess(code, user);
        String back = "redirect:/courses/" + access.course().code() + "/settings";
        if (settings.current().lockCourseSettings()) {
            redirect.addFlashAttribute("error", messages.getMessage("rooms.options.locked", null, locale));
            return back;
        }
        var saved = new CourseOptions(groupRooms, membersStartGroupRooms, nonNegative(maxParticipants),
                nonNegative(durationMinutes), welcome, moderatorOnlyMessage, roomName,
                new Locks(muteOnStart, webcamsOnlyForModerator, lockPrivateChat, lockPublicChat, lockNotes));
        options.saveCourse(access.course().id(), saved);
        audit.record(user.username(), "course.settings.rooms", "course:" + access.course().code(),
                "groupRooms=" + groupRooms + ", membersStart=" + membersStartGroupRooms + ", maxParticipants="
                        + maxParticipants + ", duration=" + durationMinutes);
        redirect.addFlashAttribute("notice", messages.getMessage("rooms.options.saved", null, locale));
        return back;
    }

    private static Integer nonNegative(Integer n) {
        return n == null || n < 0 ? null : n;
    }

    private static String describe(PluginOptions o) {
        return "groupRooms=" + o.groupRoomsEnabled() + ", globalRoom=" + o.globalRoomEnabled() + ", audience="
                + o.globalAudience() + ", maxParticipants=" + o.maxParticipants() + ", locks=" + o.locks();
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
