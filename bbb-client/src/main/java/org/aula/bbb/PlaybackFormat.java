package org.aula.bbb;

import java.util.List;

/**
 * One published form of a recording.
 *
 * @param type e.g. {@code presentation}, {@code video}, {@code podcast}
 * @param processingTime milliseconds the server spent processing
 * @param length playback length in minutes
 * @param size bytes, 0 when not reported
 */
public record PlaybackFormat(String type, String url, long processingTime, long length, long size,
        List<PreviewImage> previews) {

    public PlaybackFormat {
        previews = List.copyOf(previews);
    }
}
