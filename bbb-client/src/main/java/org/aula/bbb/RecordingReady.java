package org.aula.bbb;

/** The claims of a verified recording-ready callback (reference §8.2). */
public record RecordingReady(String meetingId, String recordId) {
}
