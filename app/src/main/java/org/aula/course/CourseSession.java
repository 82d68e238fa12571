package org.aula.course;

import java.time.LocalDate;

/** A run of a course with its own students and coaches. */
public record CourseSession(long id, long courseId, String name, LocalDate startsOn, LocalDate endsOn) {
}
