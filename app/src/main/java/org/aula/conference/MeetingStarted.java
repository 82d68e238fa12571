package org.aula.conference;

import java.time.Instant;

/**
 * Published after a meeting was created in BBB and recorded in Aula (after the transaction commits for listeners
 * using {@code @TransactionalEventListener}). Recordings, attendance etc. react to it without conference knowing them.
 *
 * @param courseId the room's course, null for rooms outside courses
 */
public record MeetingStarted(long meetingId, long roomId, RoomKind roomKind, String contextKey, Long courseId,
                             String bbbMeetingId, String internalMeetingId, boolean record, Long startedBy,
                             Instant startedAt) {
}
