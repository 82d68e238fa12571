package org.aula.recording;

import java.time.Instant;
import java.util.List;

/**
 * A recording as Aula's index knows it (table recording + recording_format). Pages read only these, never BBB.
 *
 * @param recordId BBB's recordID
 * @param meetingId Aula's meeting row the recording was made in
 * @param state BBB's state: processing, processed, published or unpublished
 * @param published whether students may watch it (BBB's published flag; changed only through publishRecordings)
 * @param rawSize bytes of raw media as BBB reports them, 0 when unknown
 */
record IndexedRecording(String recordId, long meetingId, long roomId, Long courseId, String bbbMeetingId, String name,
                        String description, String state, boolean published, Instant startTime, Instant endTime,
                        int durationMinutes, int participantCount, long rawSize, Instant updatedAt,
                        List<Format> formats) {

    IndexedRecording {
        formats = List.copyOf(formats);
    }

    /** Playback formats are only offered once BBB finished processing. */
    boolean playable() {
        return "published".equals(state) || "unpublished".equals(state);
    }

    /** One playback form (presentation, video, podcast, screenshare...). */
    record Format(String type, String url, int lengthMinutes, long size, List<Preview> previews) {
        Format {
            previews = List.copyOf(previews);
        }
    }

    /** A thumbnail of a format. */
    record Preview(String url, String alt, int width, int height) {
    }
}
