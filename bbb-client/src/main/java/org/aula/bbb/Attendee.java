package org.aula.bbb;

import java.util.Map;

/**
 * One user in {@link MeetingInfo#attendees()}.
 *
 * @param userId the external userID given to join (BBB's internal id if none was given)
 * @param role {@code MODERATOR} or {@code VIEWER}, as sent
 * @param clientType {@code HTML5}, {@code DIAL-IN}, or older values such as {@code FLASH}
 * @param customData the {@code userdata-*} values given to join, without the prefix
 */
public record Attendee(
        String userId,
        String fullName,
        String role,
        boolean isPresenter,
        boolean isListeningOnly,
        boolean hasJoinedVoice,
        boolean hasVideo,
        String clientType,
        Map<String, String> customData) {

    public Attendee {
        customData = Map.copyOf(customData);
    }

    public boolean isModerator() {
        return "MODERATOR".equalsIgnoreCase(role);
    }
}
