package org.aula.course;

import java.util.Set;

/**
 * What one user may do in one course. Built per request by {@link CourseAccessService}; a user with no role
 * and no admin right gets no CourseAccess at all (controllers answer 404, so outsiders learn nothing).
 *
 * @param sessionIds the sessions of this course the user belongs to (as coach or student)
 * @param coachedSessionIds the sessions of this course the user coaches
 */
public record CourseAccess(Course course, long userId, Set<CourseRole> roles, boolean admin,
                           Set<Long> sessionIds, Set<Long> coachedSessionIds) {

    public CourseAccess {
        roles = Set.copyOf(roles);
        sessionIds = Set.copyOf(sessionIds);
        coachedSessionIds = Set.copyOf(coachedSessionIds);
    }

    /** Teachers, coaches and admins start rooms and are moderators (the seed's rule). */
    public boolean canModerate() {
        return admin || roles.contains(CourseRole.TEACHER) || roles.contains(CourseRole.COACH);
    }

    public boolean isTeacher() {
        return admin || roles.contains(CourseRole.TEACHER);
    }

    public boolean isMember() {
        return !roles.isEmpty();
    }
}
