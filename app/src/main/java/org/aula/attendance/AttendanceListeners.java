package org.aula.attendance;

import java.util.List;
import org.aula.conference.MeetingAttendeesSeen;
import org.aula.conference.MeetingEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Follows the conference module: the end of a meeting, and the attendee lists of its refresh (fallback source). */
@Component
class AttendanceListeners {

    private final AttendanceRecorder recorder;
    private final WebhookRegistration webhooks;

    AttendanceListeners(AttendanceRecorder recorder, WebhookRegistration webhooks) {
        this.recorder = recorder;
        this.webhooks = webhooks;
    }

    /** Whatever the source, nobody stays present after the end (BBB may not send every user-left). */
    @EventListener
    void meetingEnded(MeetingEnded event) {
        recorder.meetingEnded(event.meetingId(), event.endedAt());
    }

    /**
     * Without webhooks the refresher's getMeetingInfo answers are the source: no extra BBB call is made for
     * attendance. With webhooks they are ignored (the events are exact to the second; mixing both would count
     * people twice).
     */
    @EventListener
    void attendeesSeen(MeetingAttendeesSeen event) {
        if (webhooks.receivingEvents()) {
            return;
        }
        List<AttendanceRecorder.Presence> present = event.attendees().stream()
                .map(a -> new AttendanceRecorder.Presence(a.userId(), a.fullName(), a.moderator())).toList();
        recorder.attendeesSeen(event.meetingId(), event.seenAt(), present);
    }
}
