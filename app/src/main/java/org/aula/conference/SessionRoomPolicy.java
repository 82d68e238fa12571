package org.aula.conference;

import org.aula.course.CourseAccess;
import org.aula.course.CourseSession;
import org.aula.user.AulaUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A course session's room: the session's coaches, the course's teachers and admins start and moderate it; the
 * session's students join as viewers. Other course members (students of the course or of another session, coaches
 * of another session) get 403; outsiders never reach this (404 from the course access).
 */
@Component
class SessionRoomPolicy {

    private final Rooms rooms;

    SessionRoomPolicy(Rooms rooms) {
        this.rooms = rooms;
    }

    RoomAccess access(CourseAccess access, CourseSession session, AulaUser user) {
        if (session.courseId() != access.course().id()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean moderator = access.isTeacher() || access.coachedSessionIds().contains(session.id());
        if (!moderator && !access.sessionIds().contains(session.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Room room = rooms.ensureRoom(RoomKind.SESSION, access.course().id(), session.id(), null, null,
                "session:" + session.id(), access.course().title() + " — " + session.name());
        return new RoomAccess(room, user.id(), user.fullName(), moderator, moderator, true,
                "/courses/" + access.course().code() + "/sessions/" + session.id() + "/room", access.course().code());
    }

    /** Whether the user may use this session's room at all (for the tool page's list). */
    static boolean canUse(CourseAccess access, CourseSession session) {
        return access.isTeacher() || access.sessionIds().contains(session.id());
    }
}
