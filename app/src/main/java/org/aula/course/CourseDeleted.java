package org.aula.course;

/**
 * Published when an administrator deleted a course (inside the deleting transaction; listeners that must only act
 * on a committed delete use {@code @TransactionalEventListener}). Rows of the course are gone by then; the event
 * carries what is needed to clean up elsewhere (e.g. its recordings on the conference server).
 */
public record CourseDeleted(long courseId, String code, String title, String deletedBy) {
}
