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
        for (String role : courses.courseRoles(course.id(), user.id())) {
            roles.add("TEACHER".equals(role) ? CourseRole.TEACHER : CourseRole.STUDENT);
        }
        var sessions = new HashSet<Long>();
        var coached = new HashSet<Long>();
        for (Object[] row : courses.sessionRoles(course.id(), user.id())) {
            long sessionId = (Long) row[0];
            sessions.add(sessionId);
            if ("COACH".equals(row[1])) {
                coached.add(sessionId);
                roles.add(CourseRole.COACH);
            } else {
                roles.add(CourseRole.SESSION_STUDENT);
            }
        }
        if (roles.isEmpty() && !user.admin()) {
            return Optional.empty();
        }
        return Optional.of(new CourseAccess(course, user.id(), roles, user.admin(), sessions, coached));
    }
}
