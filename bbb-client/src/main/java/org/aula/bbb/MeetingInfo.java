package org.aula.bbb;

import java.util.List;
import java.util.Map;

/**
 * A meeting as described by {@code getMeetingInfo} and each entry of {@code getMeetings}.
 *
 * <p>Missing elements read as empty strings, 0 or false. {@code running} means "has users
 * connected", not "exists"; {@code recording} echoes the create parameter {@code record}, not
 * whether a recording is in progress (reference §5.3-5.4).
 *
 * @param metadata {@code meta_*} values from create, keys lower-cased by BBB
 * @param parentMeetingId set for breakout rooms only
 * @param breakoutRooms external ids of this meeting's breakout rooms, if it is a parent
 */
public record MeetingInfo(
        String meetingName,
        String meetingId,
        String internalMeetingId,
        long createTime,
        String createDate,
        String voiceBridge,
        String dialNumber,
        boolean running,
        int duration,
        boolean hasUserJoined,
        boolean recording,
        boolean hasBeenForciblyEnded,
        long startTime,
        long endTime,
        int participantCount,
        int listenerCount,
        int voiceParticipantCount,
        int videoCount,
        int maxUsers,
        int moderatorCount,
        List<Attendee> attendees,
        Map<String, String> metadata,
        boolean isBreakout,
        String parentMeetingId,
        int sequence,
        boolean freeJoin,
        List<String> breakoutRooms) {

    public MeetingInfo {
        attendees = List.copyOf(attendees);
        metadata = Map.copyOf(metadata);
        breakoutRooms = List.copyOf(breakoutRooms);
    }
}
