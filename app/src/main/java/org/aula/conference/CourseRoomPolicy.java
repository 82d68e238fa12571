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

    public boolean canStart(CourseAccess access) {
        return access.canModerate();
    }

    public boolean canEnd(CourseAccess access) {
        return access.canModerate();
    }

    public boolean canJoin(CourseAccess access) {
        return access.isMember() || access.admin();
    }

    public Participant participant(CourseAccess access, AulaUser user) {
        return new Participant(user.id(), user.fullName(), access.canModerate());
    }
}
