package org.aula.bbb;

/**
 * Answer of {@code create}. On a repeated create BBB answers SUCCESS with
 * {@code messageKey=duplicateWarning} and describes the <em>existing</em> meeting; the new
 * parameters are ignored (reference §5.1), see {@link #isDuplicate()}.
 *
 * @param attendeePassword deprecated password, empty if the server omits it
 * @param moderatorPassword deprecated password, empty if the server omits it
 * @param createDate {@code java.util.Date#toString} text in the server's time zone; prefer createTime
 */
public record CreateMeetingResponse(
        String meetingId,
        String internalMeetingId,
        String parentMeetingId,
        String attendeePassword,
        String moderatorPassword,
        long createTime,
        String voiceBridge,
        String dialNumber,
        String createDate,
        boolean hasUserJoined,
        int duration,
        boolean hasBeenForciblyEnded,
        String messageKey,
        String message) {

    /** True if the meeting already existed and this call changed nothing. */
    public boolean isDuplicate() {
        return "duplicateWarning".equals(messageKey);
    }

    @Override
    public String toString() {
        // Passwords still let people join on servers that honour them, so keep them out of logs.
        return "CreateMeetingResponse[meetingId=" + meetingId + ", internalMeetingId=" + internalMeetingId
                + ", createTime=" + createTime + ", voiceBridge=" + voiceBridge + ", messageKey=" + messageKey + "]";
    }
}
