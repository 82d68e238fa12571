package org.aula.bbb;

/**
 * A caption/subtitle track of a recording.
 *
 * @param kind {@code subtitles} or {@code captions}
 * @param lang BCP-47 tag, e.g. {@code en-US}
 * @param source {@code live}, {@code automatic} or {@code upload}
 */
public record TextTrack(String href, String kind, String label, String lang, String source) {
}
