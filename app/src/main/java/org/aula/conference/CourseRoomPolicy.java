package org.aula.conference;

import org.aula.course.CourseAccess;
import org.aula.user.AulaUser;
import org.springframework.stereotype.Component;

/**
 * Who does what in a course's room (the seed's rule): teachers, coaches and admins start and end it and join as
 * moderators; every other member joins as a viewer. Session and group rooms get policies of their own.
 */
@Component
public class CourseRoomPolicy {

    private final Rooms rooms;

    CourseRoomPolicy(Rooms rooms) {
        this.rooms = rooms;
    }

    public boolean canStart(CourseAccess access) {
        return access.canModerate();
    }

    public boolean canEnd(CourseAccess access) {
        return access.canModerate();
    }

    public boolean canJoin(CourseAccess access) {
        return access.isMember() || access.admin();
    }

    /** The course room as this member sees it (a CourseAccess exists only for members and admins). */
    RoomAccess access(CourseAccess access, AulaUser user) {
        Room room = rooms.courseRoom(access.course().id(), access.course().title());
        boolean moderator = canStart(access);
        return new RoomAccess(room, user.id(), user.fullName(), moderator, moderator, true,
                "/courses/" + access.course().code() + "/videoconference", access.course().code());
    }
}
