package org.aula.course;

import java.util.Optional;

/**
 * A tool shown on the course home page. Features (videoconference, ...) contribute tools without the course
 * module knowing them.
 */
public interface CourseTool {

    /** The link to show to this user in this course, or empty to show nothing. Must not call BBB. */
    Optional<Link> linkFor(CourseAccess access);

    /** @param messageKey message-bundle key of the label */
    record Link(String id, String messageKey, String url) {
    }
}
