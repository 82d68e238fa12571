package org.aula.bbb;

/**
 * Answer of {@code join} with {@code redirect=false}.
 *
 * @param meetingId the <em>internal</em> meeting id ({@code meeting_id} in the XML)
 * @param userId BBB's internal user id, e.g. {@code w_euxnssffnsbs}
 * @param guestStatus {@code ALLOW}, {@code WAIT} or {@code DENY}; empty on old servers
 * @param url where to send the browser; empty on old servers
 */
public record JoinResponse(
        String meetingId,
        String userId,
        String authToken,
        String sessionToken,
        String guestStatus,
        String url,
        String messageKey,
        String message) {

    @Override
    public String toString() {
        // The session token is a bearer credential for the BBB client.
        return "JoinResponse[meetingId=" + meetingId + ", userId=" + userId + ", guestStatus=" + guestStatus + "]";
    }
}
