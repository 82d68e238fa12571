package org.aula.attendance;

import java.time.Instant;

/**
 * One stretch of presence of one connection in a meeting.
 *
 * @param userId the Aula user, null when BBB reported an external id that is not one of ours
 * @param role MODERATOR or VIEWER
 * @param leftAt null while the person is still in the meeting
 * @param source WEBHOOK or POLL
 */
public record AttendanceInterval(long id, long meetingId, Long userId, String externalUserId, String connectionKey,
                                 String fullName, String role, Instant joinedAt, Instant leftAt, String source) {

    public static final String MODERATOR = "MODERATOR";
    public static final String VIEWER = "VIEWER";
    public static final String WEBHOOK = "WEBHOOK";
    public static final String POLL = "POLL";

    public boolean isOpen() {
        return leftAt == null;
    }
}
