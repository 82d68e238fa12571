package org.aula.conference;

import java.time.Instant;

/**
 * What Aula knows right now about a room: whether a meeting is open and how many are in it. Kept up to date by
 * start/end, the meeting-ended callback and the periodic refresh; pages read only this, never BBB.
 *
 * @param refreshedAt when BBB last confirmed the numbers (null when only Aula's own actions set the state)
 */
public record RoomState(long roomId, boolean open, Long meetingId, String bbbMeetingId, Long createTime,
                        int participantCount, int moderatorCount, Instant refreshedAt) {

    public static RoomState closed(long roomId) {
        return new RoomState(roomId, false, null, null, null, 0, 0, Instant.now());
    }

    public static RoomState opened(Meeting meeting) {
        return new RoomState(meeting.roomId(), true, meeting.id(), meeting.bbbMeetingId(), meeting.createTime(),
                meeting.participantCount(), meeting.moderatorCount(), null);
    }

    public RoomState withCounts(int participants, int moderators, Instant at) {
        return new RoomState(roomId, open, meetingId, bbbMeetingId, createTime, participants, moderators, at);
    }
}
