package org.aula.conference;

import java.time.Instant;
import java.util.List;

/**
 * Published by the periodic refresh each time BBB answered getMeetingInfo for an open meeting, with who is in it
 * right now. Lets other modules (attendance) follow presence without asking BBB again.
 *
 * @param seenAt when BBB answered
 */
public record MeetingAttendeesSeen(long meetingId, String bbbMeetingId, Instant seenAt, List<Attendee> attendees) {

    public MeetingAttendeesSeen {
        attendees = List.copyOf(attendees);
    }

    /**
     * One connected user as getMeetingInfo lists them.
     *
     * @param userId the external userID given on join (Aula sends its user id)
     */
    public record Attendee(String userId, String fullName, boolean moderator) {
    }
}
