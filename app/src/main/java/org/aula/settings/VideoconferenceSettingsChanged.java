package org.aula.settings;

import java.util.List;

/**
 * Published after an administrator (or the demo set-up) saved the videoconference settings. Audit and caches listen;
 * carries names of changed settings only, never values (the secret must not travel in events).
 *
 * @param actorId the user who saved, or null for the system (demo set-up)
 */
public record VideoconferenceSettingsChanged(Long actorId, String actorName, List<String> changedSettings) {
}
