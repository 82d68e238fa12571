package org.aula.bbb;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code getRecordings}. Missing elements read as empty strings, 0 or false.
 *
 * @param recordId equal to the internal meeting id of the recorded session
 * @param meetingId the external meeting id
 * @param state {@code processing}, {@code processed}, {@code published}, {@code unpublished} or {@code deleted}
 * @param rawSize bytes of raw media, 0 when not reported
 * @param metadata the meeting's metadata plus {@code meetingId}, {@code meetingName}, {@code isBreakout}
 */
public record Recording(
        String recordId,
        String meetingId,
        String internalMeetingId,
        String name,
        boolean isBreakout,
        boolean published,
        String state,
        long startTime,
        long endTime,
        int participants,
        long rawSize,
        Map<String, String> metadata,
        List<PlaybackFormat> formats) {

    public Recording {
        metadata = Map.copyOf(metadata);
        formats = List.copyOf(formats);
    }
}
