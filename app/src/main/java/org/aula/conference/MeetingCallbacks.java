package org.aula.conference;

import org.aula.bbb.CallbackTokens;
import org.aula.settings.SecretBox;
import org.springframework.stereotype.Component;

/**
 * URLs BBB calls back, and their per-meeting tokens. The token is an HMAC of the BBB meetingID under a key derived
 * from aula.secret-key (not the BBB secret), so it is stable across nodes and restarts, and participants never see
 * it (meetingEndedURL is not part of the metadata BBB shows).
 */
@Component
class MeetingCallbacks {

    private final SecretBox secrets;
    private volatile CallbackTokens tokens;

    MeetingCallbacks(SecretBox secrets) {
        this.secrets = secrets;
    }

    String meetingEndedUrl(String baseUrl, String bbbMeetingId) {
        return baseUrl + "/callbacks/meetings/" + bbbMeetingId + "/ended?token=" + tokens().tokenFor(bbbMeetingId);
    }

    /** Handled by the recordings feature (its own signature check, JWT with the BBB secret). */
    String recordingReadyUrl(String baseUrl) {
        return baseUrl + "/callbacks/recordings/ready";
    }

    boolean verify(String bbbMeetingId, String token) {
        return secrets.isConfigured() && tokens().verify(bbbMeetingId, token);
    }

    private CallbackTokens tokens() {
        CallbackTokens t = tokens;
        if (t == null) {
            t = new CallbackTokens(secrets.derive("meeting-callback-tokens"));
            tokens = t;
        }
        return t;
    }
}
