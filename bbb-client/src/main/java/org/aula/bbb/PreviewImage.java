package org.aula.bbb;

/** A thumbnail of a playback format; width/height are 0 when not given. */
public record PreviewImage(String url, String alt, int width, int height) {
}
