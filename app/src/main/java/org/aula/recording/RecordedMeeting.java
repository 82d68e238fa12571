package org.aula.recording;

import java.time.Instant;

/**
 * A meeting created with recording on (table recording_meeting, fed by MeetingStarted/MeetingEnded): the meetings the
 * reconciliation asks BBB about, without reading the conference module's tables.
 */
record RecordedMeeting(long meetingId, String bbbMeetingId, long roomId, Long courseId, Instant startedAt,
                       Instant endedAt) {
}
