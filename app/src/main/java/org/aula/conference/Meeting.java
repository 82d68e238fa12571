package org.aula.conference;

import java.time.Duration;
import java.time.Instant;

/**
 * One BBB meeting held in a room.
 *
 * @param bbbMeetingId the unguessable meetingID sent to BBB (recordings and webhooks refer to it)
 * @param internalMeetingId BBB's internal id (recordings' recordID starts with it)
 * @param createTime BBB's createTime in ms, sent on join so old join links die with the meeting
 * @param startedByName the starter's full name at read time, null if unknown or deleted
 * @param endReason e.g. ENDED_BY_MODERATOR, ENDED_IN_BBB, EXPIRED; null while open
 */
public record Meeting(long id, long roomId, String bbbMeetingId, String internalMeetingId, Long createTime,
                      String name, boolean record, MeetingState state, Long startedBy, String startedByName,
                      Instant startedAt, Instant endedAt, String endReason, int participantCount,
                      int moderatorCount, int maxParticipants) {

    public boolean isOpen() {
        return state == MeetingState.OPEN;
    }

    /** Length of the meeting; up to now while it is still open. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt != null ? endedAt : Instant.now());
    }

    /** Whole minutes, for display. */
    public long durationMinutes() {
        return duration().toMinutes();
    }
}
