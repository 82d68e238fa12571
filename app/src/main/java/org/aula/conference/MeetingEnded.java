package org.aula.conference;

import java.time.Instant;

/**
 * Published once per meeting when Aula learns it ended: a moderator ended it through Aula, BBB called the
 * meeting-ended callback, or BBB no longer knows it (expired, ended inside BBB).
 *
 * @param reason ENDED_BY_MODERATOR, ENDED_IN_BBB or EXPIRED
 */
public record MeetingEnded(long meetingId, long roomId, RoomKind roomKind, String contextKey, Long courseId,
                           String bbbMeetingId, String internalMeetingId, String reason, int maxParticipants,
                           Instant endedAt) {

    public static final String ENDED_BY_MODERATOR = "ENDED_BY_MODERATOR";
    public static final String ENDED_IN_BBB = "ENDED_IN_BBB";
    public static final String EXPIRED = "EXPIRED";
}
