package org.aula.recording;

import org.aula.bbb.InvalidCallbackException;
import org.aula.bbb.RecordingReady;
import org.aula.bbb.RecordingReadyCallback;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.settings.VideoconferenceSettings;
import org.aula.settings.VideoconferenceSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * BBB's recording-ready callback (reference §8.2): {@code signed_parameters} is an HS256 JWT made with the shared
 * secret, carrying meeting_id and record_id. Only a token that verifies with the current secret is acted upon, and
 * only for a recorded meeting of Aula's; then the recording is read from BBB (one getRecordings call) rather than
 * trusting anything else in the request. 401 for a bad token, 404 for a meeting or recording that is not Aula's;
 * neither changes anything. BBB does not retry, so the quick checks and the reconciliation catch what is lost here.
 */
@RestController
class RecordingReadyController {

    private static final Logger log = LoggerFactory.getLogger(RecordingReadyController.class);

    private final VideoconferenceSettingsService settings;
    private final RecordingRepository repository;
    private final RecordingSync sync;

    RecordingReadyController(VideoconferenceSettingsService settings, RecordingRepository repository,
                             RecordingSync sync) {
        this.settings = settings;
        this.repository = repository;
        this.sync = sync;
    }

    @PostMapping("/callbacks/recordings/ready")
    ResponseEntity<Void> recordingReady(@RequestParam(name = "signed_parameters", required = false) String token) {
        VideoconferenceSettings current = settings.current();
        if (!current.hasSecret()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        RecordingReady ready;
        try {
            ready = RecordingReadyCallback.verify(token, current.secret());
        } catch (InvalidCallbackException e) {
            // The message says what was wrong with the token, never the secret or the expected signature.
            log.warn("Recording-ready callback refused: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        var meeting = repository.recordedMeetingByBbbId(ready.meetingId());
        if (meeting.isEmpty()) {
            log.info("Recording-ready callback for a meeting Aula did not record; ignored");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        try {
            if (sync.fetchOne(meeting.get(), ready.recordId()).isEmpty()) {
                log.info("Recording-ready callback: BBB has no recording {} of meeting {}", ready.recordId(),
                        meeting.get().meetingId());
                return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
            }
        } catch (BbbUnavailableException e) {
            log.info("Recording {} announced but BBB unavailable; the checks will index it: {}", ready.recordId(),
                    e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        log.info("Recording {} of meeting {} indexed (callback)", ready.recordId(), meeting.get().meetingId());
        return ResponseEntity.ok().build();
    }
}
