package org.aula.course;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import org.aula.user.AulaUser;
import org.springframework.stereotype.Service;

/** Decides who may see a course and in what role. Every course route goes through here. */
@Service
public class CourseAccessService {

    private final CourseRepository courses;

    public CourseAccessService(CourseRepository courses) {
        this.courses = courses;
    }

    /** The user's access to the course, or empty when the course does not exist or is none of their business. */
    public Optional<CourseAccess> access(String courseCode, AulaUser user) {
        if (user == null) {
            return Optional.empty();
        }
        return courses.findByCode(courseCode).flatMap(course -> access(course, user));
    }

    public Optional<CourseAccess> access(Course course, AulaUser user) {
        var roles = EnumSet.noneOf(CourseRole.class);
        var sessions = new HashSet<Long>();
        var coached = new HashSet<Long>();
        for (CourseRepository.Membership membership : courses.memberships(course.id(), user.id())) {
            if (membership.sessionId() == null) {
                roles.add("TEACHER".equals(membership.role()) ? CourseRole.TEACHER : CourseRole.STUDENT);
            } else if ("COACH".equals(membership.role())) {
                sessions.add(membership.sessionId());
                coached.add(membership.sessionId());
                roles.add(CourseRole.COACH);
            } else {
                sessions.add(membership.sessionId());
                roles.add(CourseRole.SESSION_STUDENT);
            }
        }
        if (roles.isEmpty() && !user.admin()) {
            return Optional.empty();
        }
        return Optional.of(new CourseAccess(course, user.id(), roles, user.admin(), sessions, coached));
    }
}
