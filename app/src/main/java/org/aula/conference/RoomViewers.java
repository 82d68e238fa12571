package org.aula.conference;

import java.util.Locale;
import org.aula.course.CourseAccess;
import org.aula.course.CourseAccessService;
import org.aula.course.CourseRepository;
import org.aula.settings.VideoconferenceSettingsService;
import org.aula.user.AulaUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who a user is in a room of a kind other than the course room, found by the room's id, for other modules (the
 * recordings list of a room page). Asks the kind's own policy, so the answer matches the room page: 404 for
 * outsiders and while the plugin is off, 403 for course members the room is not for. A personal room is seen by its
 * owner and admins only (visitors with the shared link get 404). Course rooms are not answered here (404): the
 * course tool has its own access.
 */
@Service
public class RoomViewers {

    /**
     * @param moderator may act on the room's content (publish, rename, delete recordings)
     * @param pagePath the room page, e.g. "/courses/DEMO101/sessions/4/room"
     * @param courseCode the course the room belongs to, null for global and personal rooms
     */
    public record RoomViewer(Room room, boolean moderator, String pagePath, String courseCode) {
    }

    private final Rooms rooms;
    private final VideoconferenceSettingsService settings;
    private final CourseAccessService courseAccess;
    private final CourseRepository courses;
    private final SessionRoomPolicy sessions;
    private final GroupRoomPolicy groups;
    private final GlobalRoomPolicy global;
    private final RoomKindsRepository kinds;
    private final MessageSource messages;

    RoomViewers(Rooms rooms, VideoconferenceSettingsService settings, CourseAccessService courseAccess,
                CourseRepository courses, SessionRoomPolicy sessions, GroupRoomPolicy groups, GlobalRoomPolicy global,
                RoomKindsRepository kinds, MessageSource messages) {
        this.rooms = rooms;
        this.settings = settings;
        this.courseAccess = courseAccess;
        this.courses = courses;
        this.sessions = sessions;
        this.groups = groups;
        this.global = global;
        this.kinds = kinds;
        this.messages = messages;
    }

    /** @throws ResponseStatusException 404 or 403 as the room page would answer */
    public RoomViewer viewer(long roomId, AulaUser user) {
        if (!settings.current().isActive()) {
            throw notFound();
        }
        Room room = rooms.room(roomId).orElseThrow(RoomViewers::notFound);
        RoomAccess access = switch (room.kind()) {
            case SESSION -> sessions.access(course(room, user), courses.findSession(room.sessionId())
                    .orElseThrow(RoomViewers::notFound), user);
            case GROUP -> groups.access(course(room, user), courses.findGroup(room.groupId())
                    .orElseThrow(RoomViewers::notFound), user);
            case GLOBAL -> global.access(user, messages.getMessage("rooms.global.name", null, "Aula", Locale.ENGLISH));
            case PERSONAL -> personal(room, user);
            default -> throw notFound();
        };
        if (access.room().id() != room.id()) {
            throw notFound();
        }
        return new RoomViewer(room, access.moderator(), access.pagePath(), access.courseCode());
    }

    private CourseAccess course(Room room, AulaUser user) {
        if (room.courseId() == null) {
            throw notFound();
        }
        return courses.findById(room.courseId()).flatMap(c -> courseAccess.access(c, user))
                .orElseThrow(RoomViewers::notFound);
    }

    /** Owner and admins only; both manage its recordings. */
    private RoomAccess personal(Room room, AulaUser user) {
        boolean owner = room.ownerId() != null && room.ownerId() == user.id();
        if (!owner && !user.admin()) {
            throw notFound();
        }
        String page = owner ? "/rooms/personal" : kinds.option(room.id(), RoomKindsRepository.OPTION_SHARE_TOKEN)
                .map(token -> "/rooms/shared/" + token).orElse("/");
        return new RoomAccess(room, user.id(), user.fullName(), owner, true, true, page, null);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
