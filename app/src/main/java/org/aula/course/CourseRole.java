package org.aula.course;

/** What a user is in a course, directly or through one of its sessions. */
public enum CourseRole {
    TEACHER,
    STUDENT,
    /** Coach of a session of the course. */
    COACH,
    /** Student of a session of the course. */
    SESSION_STUDENT
}
