package org.aula.settings;

import org.aula.bbb.ChecksumAlgorithm;

/**
 * What an administrator submits on the plugin page.
 *
 * @param newSecret a new shared secret, or null/blank to keep the stored one (the secret is write-only)
 */
public record VideoconferenceSettingsUpdate(boolean enabled, String serverUrl, String newSecret,
                                            ChecksumAlgorithm checksumAlgorithm, boolean recordingDefault,
                                            boolean lockCourseSettings, int defaultDurationMinutes,
                                            String welcomeMessage) {

    @Override
    public String toString() {
        return "VideoconferenceSettingsUpdate[enabled=" + enabled + ", serverUrl=" + serverUrl + ", newSecret="
                + (newSecret == null || newSecret.isBlank() ? "unchanged" : "***") + "]";
    }
}
