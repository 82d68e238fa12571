package org.aula.attendance;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.aula.bbb.Checksum;
import org.aula.conference.Meeting;
import org.aula.conference.Rooms;
import org.aula.settings.VideoconferenceSettings;
import org.aula.settings.VideoconferenceSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives bbb-webhooks deliveries (reference §7). The signature is {@code checksum=HASH(callbackURL + body + secret)}
 * over the callback URL exactly as registered and the raw form body, so the body is read as bytes here and never
 * through request parameters (which would decode and re-order it). A wrong or missing checksum gets 401 and nothing
 * is stored; bbb-webhooks counts 401 as delivered, so it does not retry a forgery.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final WebhookRegistration registration;
    private final VideoconferenceSettingsService settings;
    private final Rooms rooms;
    private final AttendanceRecorder recorder;

    WebhookController(WebhookRegistration registration, VideoconferenceSettingsService settings, Rooms rooms,
                      AttendanceRecorder recorder) {
        this.registration = registration;
        this.settings = settings;
        this.rooms = rooms;
        this.recorder = recorder;
    }

    @PostMapping(WebhookRegistration.PATH)
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
        String body;
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        VideoconferenceSettings current = settings.current();
        String callbackUrl = registration.callbackUrl();
        String checksum = queryParameter(request.getQueryString(), "checksum");
        if (!current.hasSecret() || callbackUrl == null
                || !Checksum.matches(checksum, callbackUrl, body, current.secret())) {
            log.warn("Webhook delivery from {} rejected: bad or missing checksum", request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        for (WebhookEvent event : WebhookEvent.parse(body)) {
            Meeting meeting = rooms.meetingByBbbId(event.bbbMeetingId()).orElse(null);
            if (meeting == null) {
                continue; // another application's meeting on the same BBB server
            }
            switch (event.type()) {
                case WebhookEvent.USER_JOINED -> recorder.joined(meeting.id(), event.internalUserId(),
                        event.externalUserId(), event.fullName(), event.isModerator(), event.at(),
                        AttendanceInterval.WEBHOOK);
                case WebhookEvent.USER_LEFT -> recorder.left(meeting.id(), event.internalUserId(), event.at());
                case WebhookEvent.MEETING_ENDED -> recorder.meetingEnded(meeting.id(), event.at());
                default -> { }
            }
        }
        return ResponseEntity.ok().build();
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
