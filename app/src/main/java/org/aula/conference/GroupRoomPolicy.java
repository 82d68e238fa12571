package org.aula.conference;

import java.util.Optional;
import org.aula.course.CourseAccess;
import org.aula.course.CourseGroup;
import org.aula.course.CourseRepository;
import org.aula.settings.RoomOptionsSettings;
import org.aula.user.AulaUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A course group's room, when the plugin and the course switch group rooms on. Members join it, tutors, teachers and
 * admins moderate it, and members start it too when the course allows. Everybody else in the course gets 403, also
 * with a direct link (Chamilo let them in, issue #3472); outsiders get 404.
 */
@Component
class GroupRoomPolicy {

    private final Rooms rooms;
    private final CourseRepository courses;
    private final RoomOptionsSettings options;

    GroupRoomPolicy(Rooms rooms, CourseRepository courses, RoomOptionsSettings options) {
        this.rooms = rooms;
        this.courses = courses;
        this.options = options;
    }

    RoomAccess access(CourseAccess access, CourseGroup group, AulaUser user) {
        if (group.courseId() != access.course().id() || !options.groupRoomsEnabled(access.course().id())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<String> role = courses.groupRole(group.id(), user.id());
        boolean moderator = access.isTeacher() || role.filter("TUTOR"::equals).isPresent();
        boolean member = role.isPresent();
        if (!moderator && !member) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        boolean canStart = moderator || options.membersStartGroupRooms(access.course().id());
        Room room = rooms.ensureRoom(RoomKind.GROUP, access.course().id(), group.sessionId(), group.id(), null,
                "group:" + group.id(), access.course().title() + " — " + group.name());
        return new RoomAccess(room, user.id(), user.fullName(), canStart, moderator, true,
                "/courses/" + access.course().code() + "/groups/" + group.id() + "/room", access.course().code());
    }

    /** Whether the user may use this group's room (for the tool page's list); group rooms must be enabled. */
    boolean canUse(CourseAccess access, CourseGroup group) {
        return access.isTeacher() || courses.groupRole(group.id(), access.userId()).isPresent();
    }
}
