package org.aula.course;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the course admin pages and the roles each kind of membership allows. */
final class CourseAdminForms {

    static final Set<String> COURSE_ROLES = Set.of("TEACHER", "STUDENT");
    static final Set<String> SESSION_ROLES = Set.of("COACH", "STUDENT");
    static final Set<String> GROUP_ROLES = Set.of("MEMBER", "TUTOR");

    /** Course codes end up in URLs and CSV files: letters, digits and . _ - only (emptiness is @NotBlank's to report). */
    static final String CODE_PATTERN = "[A-Za-z0-9._-]*";

    private CourseAdminForms() {
    }

    record CourseForm(@NotBlank @Size(max = 40) @Pattern(regexp = CODE_PATTERN) String code,
                      @NotBlank @Size(max = 200) String title) {

        static CourseForm of(Course course) {
            return new CourseForm(course.code(), course.title());
        }
    }

    record SessionForm(@NotBlank @Size(max = 200) String name,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {

        static SessionForm of(CourseSession session) {
            return new SessionForm(session.name(), session.startsOn(), session.endsOn());
        }
    }

    record GroupForm(@NotBlank @Size(max = 200) String name, Long sessionId) {

        static GroupForm of(CourseGroup group) {
            return new GroupForm(group.name(), group.sessionId());
        }
    }
}
