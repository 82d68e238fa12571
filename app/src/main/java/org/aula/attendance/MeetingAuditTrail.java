package org.aula.attendance;

import org.aula.audit.AuditLog;
import org.aula.conference.MeetingEnded;
import org.aula.conference.MeetingStarted;
import org.aula.course.Course;
import org.aula.course.CourseRepository;
import org.aula.user.AppUser;
import org.aula.user.UserRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes meeting starts and ends to the audit log (who, when, which meeting). Kept with attendance, which already
 * follows the conference events, so that conference needs no dependency on the audit module. The end event names
 * no person: a moderator's end is recorded with the reason ENDED_BY_MODERATOR, BBB's own ends as the system.
 */
@Component
class MeetingAuditTrail {

    private final AuditLog audit;
    private final UserRepository users;
    private final CourseRepository courses;

    MeetingAuditTrail(AuditLog audit, UserRepository users, CourseRepository courses) {
        this.audit = audit;
        this.users = users;
        this.courses = courses;
    }

    @EventListener
    void started(MeetingStarted event) {
        String actor = event.startedBy() == null ? null
                : users.findById(event.startedBy()).map(AppUser::username).orElse(null);
        audit.record(actor, "meeting.start", target(event.courseId(), event.contextKey()),
                "meeting " + event.meetingId() + " in " + event.contextKey() + (event.record() ? ", recorded" : ""));
    }

    @EventListener
    void ended(MeetingEnded event) {
        audit.record(null, "meeting.end", target(event.courseId(), event.contextKey()),
                "meeting " + event.meetingId() + " in " + event.contextKey() + ", " + event.reason()
                        + ", peak " + event.maxParticipants() + " participants");
    }

    private String target(Long courseId, String contextKey) {
        if (courseId == null) {
            return contextKey;
        }
        return courses.findById(courseId).map(Course::code).map(code -> "course:" + code).orElse(contextKey);
    }
}
