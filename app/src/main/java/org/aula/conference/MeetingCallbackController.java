package org.aula.conference;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * BBB's meeting-ended callback (create parameter meetingEndedURL; reference §8.1). BBB signs nothing here, so the
 * URL carries a per-meeting token; without a valid one nothing changes and the answer is 404 (the same as for an
 * unknown meeting, so the endpoint reveals nothing). Idempotent: BBB may call more than once.
 */
@RestController
class MeetingCallbackController {

    private final Rooms rooms;
    private final ConferenceService conference;
    private final MeetingCallbacks callbacks;

    MeetingCallbackController(Rooms rooms, ConferenceService conference, MeetingCallbacks callbacks) {
        this.rooms = rooms;
        this.conference = conference;
        this.callbacks = callbacks;
    }

    @GetMapping("/callbacks/meetings/{bbbMeetingId}/ended")
    ResponseEntity<String> meetingEnded(@PathVariable String bbbMeetingId,
                                        @RequestParam(required = false) String token) {
        if (token == null || !callbacks.verify(bbbMeetingId, token)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        var meeting = rooms.meetingByBbbId(bbbMeetingId);
        if (meeting.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        conference.meetingEnded(meeting.get().id(), MeetingEnded.ENDED_IN_BBB);
        return ResponseEntity.ok("ok");
    }
}
