package org.aula.course;

/** A group of a course (optionally within one session), with members and tutors. */
public record CourseGroup(long id, long courseId, Long sessionId, String name) {
}
