package org.aula.settings;

import org.aula.bbb.ChecksumAlgorithm;

/**
 * The videoconference plugin's settings as other modules see them. {@link #toString()} hides the secret, so the record
 * may be logged; templates get {@link #hasSecret()} only.
 *
 * @param serverUrl as the administrator typed it (normalised by the BBB client when used)
 * @param secret the BBB shared secret in clear, or null when none is stored
 * @param recordingDefault whether courses record meetings unless they say otherwise
 * @param lockCourseSettings when true courses cannot override the defaults
 * @param defaultDurationMinutes BBB {@code duration}: a meeting ends after this many minutes (0 = no limit)
 * @param welcomeMessage BBB {@code welcome} text, may be blank
 */
public record VideoconferenceSettings(boolean enabled, String serverUrl, String secret,
                                      ChecksumAlgorithm checksumAlgorithm, boolean recordingDefault,
                                      boolean lockCourseSettings, int defaultDurationMinutes,
                                      String welcomeMessage) {

    public static final int DEFAULT_DURATION_MINUTES = 300;

    public static VideoconferenceSettings unconfigured() {
        return new VideoconferenceSettings(false, "", null, ChecksumAlgorithm.SHA256, false, false,
                DEFAULT_DURATION_MINUTES, "");
    }

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    /** Server URL and secret are both set. */
    public boolean isConfigured() {
        return serverUrl != null && !serverUrl.isBlank() && hasSecret();
    }

    /** Enabled and configured: the course tool shows and meetings can start. */
    public boolean isActive() {
        return enabled && isConfigured();
    }

    @Override
    public String toString() {
        return "VideoconferenceSettings[enabled=" + enabled + ", serverUrl=" + serverUrl + ", secret="
                + (hasSecret() ? "***" : "none") + ", checksumAlgorithm=" + checksumAlgorithm + ", recordingDefault="
                + recordingDefault + ", lockCourseSettings=" + lockCourseSettings + ", defaultDurationMinutes="
                + defaultDurationMinutes + "]";
    }
}
