package org.aula.conference;

import org.aula.bbb.CallbackTokens;
import org.aula.settings.CallbackKey;
import org.springframework.stereotype.Component;

/**
 * URLs BBB calls back, and their per-meeting tokens. The token is an HMAC of the BBB meetingID under the
 * installation's random callback key ({@link CallbackKey}: generated on first start, stored encrypted, rotatable;
 * not the BBB secret, and not derived from aula.secret-key, which is public in demo mode), so it is stable across
 * nodes and restarts, and participants never see it (meetingEndedURL is not part of the metadata BBB shows).
 */
@Component
class MeetingCallbacks {

    private final CallbackKey key;

    MeetingCallbacks(CallbackKey key) {
        this.key = key;
    }

    String meetingEndedUrl(String baseUrl, String bbbMeetingId) {
        return baseUrl + "/callbacks/meetings/" + bbbMeetingId + "/ended?token="
                + new CallbackTokens(key.current()).tokenFor(bbbMeetingId);
    }

    /** Handled by the recordings feature (its own signature check, JWT with the BBB secret). */
    String recordingReadyUrl(String baseUrl) {
        return baseUrl + "/callbacks/recordings/ready";
    }

    /** Accepts tokens of the current and the previous key; reads the keys again once (another node may have rotated). */
    boolean verify(String bbbMeetingId, String token) {
        if (!key.available() || token == null) {
            return false;
        }
        for (byte[] k : key.accepted()) {
            if (new CallbackTokens(k).verify(bbbMeetingId, token)) {
                return true;
            }
        }
        for (byte[] k : key.reload()) {
            if (new CallbackTokens(k).verify(bbbMeetingId, token)) {
                return true;
            }
        }
        return false;
    }
}
