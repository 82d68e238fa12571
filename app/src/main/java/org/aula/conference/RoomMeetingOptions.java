package org.aula.conference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aula.bbb.BreakoutGroup;
import org.aula.bbb.CreateMeeting;
import org.aula.bbb.Document;
import org.aula.course.CourseGroup;
import org.aula.course.CourseRepository;
import org.aula.settings.RoomOptionsSettings;
import org.aula.settings.RoomOptionsSettings.MeetingOptions;
import org.springframework.stereotype.Component;

/**
 * The meeting options of a room's next meeting, added to the create call by {@link ConferenceService}: participant
 * limit, duration, welcome and moderator messages, room name, mute and lock settings (plugin defaults, course
 * overrides, a session's own limit), breakout rooms from the course groups and the prepared presentation.
 */
@Component
class RoomMeetingOptions {

    /** Slides up to this size travel inside the create body; bbb-web's default request limit is about 2 MB. */
    static final int INLINE_PRESENTATION_BYTES = 1024 * 1024;

    private final RoomOptionsSettings settings;
    private final RoomKindsRepository repository;
    private final CourseRepository courses;
    private final Cache<Long, Integer> limits =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();

    RoomMeetingOptions(RoomOptionsSettings settings, RoomKindsRepository repository, CourseRepository courses) {
        this.settings = settings;
        this.repository = repository;
        this.courses = courses;
    }

    /** Simultaneous participants allowed in the room, 0 = no limit. A session's own limit wins over the course's. */
    int participantLimit(Room room) {
        // Asked on every join; a few seconds of staleness after a settings change is fine, a dozen queries per join
        // is not.
        return limits.get(room.id(), id -> readParticipantLimit(room));
    }

    private int readParticipantLimit(Room room) {
        if (room.kind() == RoomKind.SESSION) {
            var own = repository.option(room.id(), RoomKindsRepository.OPTION_MAX_PARTICIPANTS);
            if (own.isPresent()) {
                return Integer.parseInt(own.get());
            }
        }
        return settings.meetingOptions(room.courseId()).maxParticipants();
    }

    /** The session room's own limit, null when it follows the course. */
    Integer sessionLimit(Room room) {
        return repository.option(room.id(), RoomKindsRepository.OPTION_MAX_PARTICIPANTS).map(Integer::valueOf)
                .orElse(null);
    }

    void setSessionLimit(Room room, Integer limit) {
        limits.invalidate(room.id());
        repository.putOption(room.id(), RoomKindsRepository.OPTION_MAX_PARTICIPANTS,
                limit == null ? null : Integer.toString(Math.max(0, limit)));
    }

    boolean breakoutsFromGroups(Room room) {
        return repository.option(room.id(), RoomKindsRepository.OPTION_BREAKOUTS).map(Boolean::parseBoolean)
                .orElse(false);
    }

    void setBreakoutsFromGroups(Room room, boolean on) {
        repository.putOption(room.id(), RoomKindsRepository.OPTION_BREAKOUTS, on ? "true" : null);
    }

    /** Breakout rooms are offered in course and session rooms (the groups of the course, or of that session). */
    static boolean offersBreakouts(Room room) {
        return room.kind() == RoomKind.COURSE || room.kind() == RoomKind.SESSION;
    }

    void applyTo(Room room, CreateMeeting.Builder request, String appBaseUrl) {
        MeetingOptions options = settings.meetingOptions(room.courseId());
        int limit = participantLimit(room);
        if (limit > 0) {
            /*
             * BBB counts moderators too and refuses anyone past maxParticipants. Aula enforces the limit for viewers
             * at its own join (ParticipantLimit) and never for moderators; BBB's copy of the limit is raised by the
             * number of people who may moderate this room, so that a teacher or coach is never turned away by BBB
             * when viewers have filled the room, while a viewer who bypasses Aula still meets a bound.
             */
            request.maxParticipants(limit + potentialModerators(room));
        }
        request.duration(options.durationMinutes()); // 0 = no limit, also when a course lifts the plugin's limit
        if (!options.welcome().isBlank()) {
            request.welcome(options.welcome());
        }
        if (!options.moderatorOnlyMessage().isBlank()) {
            request.moderatorOnlyMessage(options.moderatorOnlyMessage());
        }
        if (options.roomName() != null && !options.roomName().isBlank() && room.kind() == RoomKind.COURSE) {
            request.param("name", options.roomName());
        }
        var locks = options.locks();
        request.muteOnStart(locks.muteOnStart())
                .webcamsOnlyForModerator(locks.webcamsOnlyForModerator())
                .lockSettingsDisablePrivateChat(locks.privateChat())
                .lockSettingsDisablePublicChat(locks.publicChat())
                .lockSettingsDisableNotes(locks.notes());
        if (offersBreakouts(room) && breakoutsFromGroups(room)) {
            List<BreakoutGroup> groups = breakoutGroups(room);
            if (!groups.isEmpty()) {
                request.groups(groups);
            }
        }
        repository.presentationInfo(room.id()).ifPresent(p -> request.presentation(List.of(
                document(room, p, appBaseUrl).withCurrent(true))));
    }

    /** The course's groups (a session room: the groups of that session and those of no session) with members. */
    List<BreakoutGroup> breakoutGroups(Room room) {
        var groups = new ArrayList<BreakoutGroup>();
        int n = 0;
        for (CourseGroup group : courses.findGroups(room.courseId())) {
            if (room.kind() == RoomKind.SESSION && group.sessionId() != null
                    && !group.sessionId().equals(room.sessionId())) {
                continue;
            }
            // Aula joins everyone with userID = their Aula id, so the roster is those ids as strings.
            List<String> roster = courses.groupMemberIds(group.id()).stream().map(String::valueOf).toList();
            if (!roster.isEmpty()) {
                groups.add(new BreakoutGroup(Integer.toString(++n), group.name(), roster));
            }
        }
        return groups;
    }

    Document document(Room room, RoomKindsRepository.PresentationInfo info, String appBaseUrl) {
        if (info.sizeBytes() <= INLINE_PRESENTATION_BYTES) {
            return Document.fromBytes(info.filename(), repository.presentationContent(room.id()).orElseThrow());
        }
        // Larger slides: BBB downloads them from Aula with the unguessable token (no session needed).
        return Document.fromUrl(appBaseUrl + "/callbacks/presentations/" + info.token(), info.filename());
    }

    private int potentialModerators(Room room) {
        int admins = repository.adminCount();
        return switch (room.kind()) {
            case COURSE, SESSION -> admins + repository.courseModeratorCount(room.courseId());
            case GROUP -> admins + repository.courseModeratorCount(room.courseId())
                    + repository.groupTutorCount(room.groupId())
                    // members may start the room when the course allows it, and the starter joins as moderator
                    + (settings.membersStartGroupRooms(room.courseId()) ? repository.groupMemberCount(room.groupId()) : 0);
            case GLOBAL -> admins + repository.teacherCount();
            case PERSONAL -> 1;
        };
    }
}
