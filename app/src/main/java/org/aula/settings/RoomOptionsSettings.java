package org.aula.settings;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which room kinds exist and the meeting options sent on create: plugin defaults (platform_setting "rooms.*") with
 * per-course overrides (course_setting "rooms.*", ignored while the plugin locks course settings). Duration and
 * welcome message defaults stay in {@link VideoconferenceSettings}; a course may override them here.
 */
@Service
public class RoomOptionsSettings {

    static final String PREFIX = "rooms.";
    static final String GROUP_ROOMS = PREFIX + "group-rooms";
    static final String MEMBERS_START_GROUP_ROOMS = PREFIX + "members-start-group-rooms";
    static final String GLOBAL_ROOM = PREFIX + "global-room";
    static final String GLOBAL_AUDIENCE = PREFIX + "global-room-audience";
    static final String MAX_PARTICIPANTS = PREFIX + "max-participants";
    static final String DURATION = PREFIX + "duration";
    static final String WELCOME = PREFIX + "welcome";
    static final String MODERATOR_MESSAGE = PREFIX + "moderator-only-message";
    static final String ROOM_NAME = PREFIX + "room-name";
    static final String MUTE_ON_START = PREFIX + "mute-on-start";
    static final String WEBCAMS_ONLY_FOR_MODERATOR = PREFIX + "webcams-only-for-moderator";
    static final String LOCK_PRIVATE_CHAT = PREFIX + "lock-private-chat";
    static final String LOCK_PUBLIC_CHAT = PREFIX + "lock-public-chat";
    static final String LOCK_NOTES = PREFIX + "lock-notes";

    public static final int MAX_TEXT = 500;

    /** Who sees the link to the platform's global room. */
    public enum GlobalAudience { EVERYONE, TEACHERS, ADMINS }

    /** The lock settings and switches sent on create. */
    public record Locks(boolean muteOnStart, boolean webcamsOnlyForModerator, boolean privateChat, boolean publicChat,
                        boolean notes) {
    }

    /**
     * Platform-wide room options.
     *
     * @param groupRoomsEnabled group rooms exist at all (a course must also switch them on)
     * @param maxParticipants simultaneous participants per room, 0 = no limit
     */
    public record PluginOptions(boolean groupRoomsEnabled, boolean globalRoomEnabled, GlobalAudience globalAudience,
                                int maxParticipants, String moderatorOnlyMessage, Locks locks) {
    }

    /** A course's own choices; null = follow the plugin default. */
    public record CourseOptions(boolean groupRooms, boolean membersStartGroupRooms, Integer maxParticipants,
                                Integer durationMinutes, String welcome, String moderatorOnlyMessage, String roomName,
                                Locks locks) {
    }

    /**
     * What a course's meetings get on create, defaults and overrides merged.
     *
     * @param roomName null = the room's own name
     */
    public record MeetingOptions(int maxParticipants, int durationMinutes, String welcome, String moderatorOnlyMessage,
                                 String roomName, Locks locks) {
    }

    private final SettingsRepository repository;
    private final VideoconferenceSettingsService videoconference;

    public RoomOptionsSettings(SettingsRepository repository, VideoconferenceSettingsService videoconference) {
        this.repository = repository;
        this.videoconference = videoconference;
    }

    public PluginOptions plugin() {
        Map<String, String> s = repository.platformSettings(PREFIX);
        return new PluginOptions(bool(s.get(GROUP_ROOMS), false), bool(s.get(GLOBAL_ROOM), false),
                audience(s.get(GLOBAL_AUDIENCE)), nonNegative(s.get(MAX_PARTICIPANTS), 0),
                Objects.requireNonNullElse(s.get(MODERATOR_MESSAGE), ""),
                new Locks(bool(s.get(MUTE_ON_START), false), bool(s.get(WEBCAMS_ONLY_FOR_MODERATOR), false),
                        bool(s.get(LOCK_PRIVATE_CHAT), false), bool(s.get(LOCK_PUBLIC_CHAT), false),
                        bool(s.get(LOCK_NOTES), false)));
    }

    @Transactional
    public void savePlugin(PluginOptions options) {
        repository.putPlatformSetting(GROUP_ROOMS, Boolean.toString(options.groupRoomsEnabled()));
        repository.putPlatformSetting(GLOBAL_ROOM, Boolean.toString(options.globalRoomEnabled()));
        repository.putPlatformSetting(GLOBAL_AUDIENCE, options.globalAudience().name());
        repository.putPlatformSetting(MAX_PARTICIPANTS, Integer.toString(Math.max(0, options.maxParticipants())));
        repository.putPlatformSetting(MODERATOR_MESSAGE, text(options.moderatorOnlyMessage()));
        putLocks(options.locks(), repository::putPlatformSetting);
    }

    /** The course's own choices (null where it follows the plugin). */
    public CourseOptions course(long courseId) {
        Locks defaults = plugin().locks();
        return new CourseOptions(courseFlag(courseId, GROUP_ROOMS).orElse(false),
                courseFlag(courseId, MEMBERS_START_GROUP_ROOMS).orElse(false),
                courseInt(courseId, MAX_PARTICIPANTS), courseInt(courseId, DURATION),
                repository.courseSetting(courseId, WELCOME).orElse(null),
                repository.courseSetting(courseId, MODERATOR_MESSAGE).orElse(null),
                repository.courseSetting(courseId, ROOM_NAME).orElse(null),
                courseLocks(courseId, defaults));
    }

    /** @throws IllegalStateException while the plugin locks course settings */
    @Transactional
    public void saveCourse(long courseId, CourseOptions options) {
        if (videoconference.current().lockCourseSettings()) {
            throw new IllegalStateException("Course videoconference settings are locked by the administrator");
        }
        repository.putCourseSetting(courseId, GROUP_ROOMS, Boolean.toString(options.groupRooms()));
        repository.putCourseSetting(courseId, MEMBERS_START_GROUP_ROOMS, Boolean.toString(options.membersStartGroupRooms()));
        repository.putCourseSetting(courseId, MAX_PARTICIPANTS,
                options.maxParticipants() == null ? null : Integer.toString(Math.max(0, options.maxParticipants())));
        repository.putCourseSetting(courseId, DURATION,
                options.durationMinutes() == null ? null : Integer.toString(Math.max(0, options.durationMinutes())));
        repository.putCourseSetting(courseId, WELCOME, blankToNull(options.welcome()));
        repository.putCourseSetting(courseId, MODERATOR_MESSAGE, blankToNull(options.moderatorOnlyMessage()));
        repository.putCourseSetting(courseId, ROOM_NAME, blankToNull(options.roomName()));
        putLocks(options.locks(), (name, value) -> repository.putCourseSetting(courseId, name, value));
    }

    /** Group rooms are usable in this course: the plugin and the course both switched them on. */
    public boolean groupRoomsEnabled(long courseId) {
        return plugin().groupRoomsEnabled() && courseFlag(courseId, GROUP_ROOMS).orElse(false);
    }

    /** Group members (not only tutors and teachers) may start their group's room. */
    public boolean membersStartGroupRooms(long courseId) {
        return courseFlag(courseId, MEMBERS_START_GROUP_ROOMS).orElse(false);
    }

    /** The options for meetings of this course's rooms; null courseId (global, personal rooms) = plugin defaults. */
    public MeetingOptions meetingOptions(Long courseId) {
        VideoconferenceSettings vc = videoconference.current();
        PluginOptions plugin = plugin();
        var defaults = new MeetingOptions(plugin.maxParticipants(), vc.defaultDurationMinutes(), vc.welcomeMessage(),
                plugin.moderatorOnlyMessage(), null, plugin.locks());
        if (courseId == null || vc.lockCourseSettings()) {
            return defaults;
        }
        return new MeetingOptions(
                Optional.ofNullable(courseInt(courseId, MAX_PARTICIPANTS)).orElse(defaults.maxParticipants()),
                Optional.ofNullable(courseInt(courseId, DURATION)).orElse(defaults.durationMinutes()),
                repository.courseSetting(courseId, WELCOME).orElse(defaults.welcome()),
                repository.courseSetting(courseId, MODERATOR_MESSAGE).orElse(defaults.moderatorOnlyMessage()),
                repository.courseSetting(courseId, ROOM_NAME).orElse(null),
                courseLocks(courseId, plugin.locks()));
    }

    private Locks courseLocks(long courseId, Locks d) {
        return new Locks(courseFlag(courseId, MUTE_ON_START).orElse(d.muteOnStart()),
                courseFlag(courseId, WEBCAMS_ONLY_FOR_MODERATOR).orElse(d.webcamsOnlyForModerator()),
                courseFlag(courseId, LOCK_PRIVATE_CHAT).orElse(d.privateChat()),
                courseFlag(courseId, LOCK_PUBLIC_CHAT).orElse(d.publicChat()),
                courseFlag(courseId, LOCK_NOTES).orElse(d.notes()));
    }

    private static void putLocks(Locks locks, java.util.function.BiConsumer<String, String> put) {
        put.accept(MUTE_ON_START, Boolean.toString(locks.muteOnStart()));
        put.accept(WEBCAMS_ONLY_FOR_MODERATOR, Boolean.toString(locks.webcamsOnlyForModerator()));
        put.accept(LOCK_PRIVATE_CHAT, Boolean.toString(locks.privateChat()));
        put.accept(LOCK_PUBLIC_CHAT, Boolean.toString(locks.publicChat()));
        put.accept(LOCK_NOTES, Boolean.toString(locks.notes()));
    }

    private Optional<Boolean> courseFlag(long courseId, String name) {
        return repository.courseSetting(courseId, name).map(Boolean::parseBoolean);
    }

    private Integer courseInt(long courseId, String name) {
        return repository.courseSetting(courseId, name).map(v -> nonNegative(v, -1)).filter(v -> v >= 0).orElse(null);
    }

    private static GlobalAudience audience(String value) {
        try {
            return value == null ? GlobalAudience.EVERYONE : GlobalAudience.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return GlobalAudience.EVERYONE;
        }
    }

    private static boolean bool(String value, boolean fallback) {
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    private static int nonNegative(String value, int fallback) {
        try {
            int n = value == null ? fallback : Integer.parseInt(value.strip());
            return n < 0 ? fallback : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String text(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    private static String blankToNull(String s) {
        String t = text(s);
        return t.isEmpty() ? null : t;
    }
}
