package org.aula.recording;

/**
 * Recording metadata keys Aula writes with updateRecordings and reads back from getRecordings. Plain names (as
 * Greenlight uses {@code name}) so that other BBB front-ends and the playback page show the same title.
 */
final class RecordingMetadata {

    static final String NAME = "name";
    static final String DESCRIPTION = "description";

    private RecordingMetadata() {
    }
}
