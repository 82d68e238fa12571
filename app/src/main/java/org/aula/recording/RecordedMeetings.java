package org.aula.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.conference.MeetingEnded;
import org.aula.conference.MeetingStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Follows recorded meetings: remembers each one that starts with recording on, and after it ends asks BBB about it a
 * few times ({@code aula.recording.quick-checks}, one call each) so that its recordings show up soon even if the
 * recording-ready callback never arrives (BBB does not retry it). The checks stop once a finished recording is
 * indexed; they live in memory only, the reconciliation job covers a node that restarts meanwhile.
 */
@Component
class RecordedMeetings {

    private static final Logger log = LoggerFactory.getLogger(RecordedMeetings.class);

    private final RecordingRepository repository;
    private final RecordingSync sync;
    private final TaskScheduler scheduler;
    private final List<Duration> quickChecks;

    RecordedMeetings(RecordingRepository repository, RecordingSync sync, TaskScheduler scheduler,
                     @Value("${aula.recording.quick-checks:20s,1m,3m,10m,30m}") String quickChecks) {
        this.repository = repository;
        this.sync = sync;
        this.scheduler = scheduler;
        this.quickChecks = Arrays.stream(quickChecks.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(RecordedMeetings::duration).toList();
    }

    @EventListener
    void meetingStarted(MeetingStarted event) {
        if (!event.record()) {
            return;
        }
        try {
            repository.addRecordedMeeting(new RecordedMeeting(event.meetingId(), event.bbbMeetingId(), event.roomId(),
                    event.courseId(), event.startedAt(), null));
        } catch (RuntimeException e) {
            // Never let bookkeeping break a start: the meeting is found again by the callback's 404 log at worst.
            log.error("Could not remember recorded meeting {}", event.meetingId(), e);
        }
    }

    @EventListener
    void meetingEnded(MeetingEnded event) {
        repository.markMeetingEnded(event.meetingId(), event.endedAt());
        if (repository.recordedMeeting(event.meetingId()).isEmpty()) {
            return; // not recorded
        }
        scheduleCheck(event.meetingId(), 0);
    }

    private void scheduleCheck(long meetingId, int attempt) {
        if (attempt >= quickChecks.size()) {
            return;
        }
        scheduler.schedule(() -> check(meetingId, attempt), Instant.now().plus(quickChecks.get(attempt)));
    }

    void check(long meetingId, int attempt) {
        var meeting = repository.recordedMeeting(meetingId);
        if (meeting.isEmpty()) {
            return;
        }
        try {
            sync.reconcile(List.of(meeting.get()));
        } catch (BbbUnavailableException e) {
            log.info("Recording check of meeting {} postponed: {}", meetingId, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Recording check of meeting {} failed", meetingId, e);
        }
        List<IndexedRecording> found = repository.ofMeeting(meetingId);
        boolean finished = found.stream().anyMatch(IndexedRecording::playable)
                && found.stream().noneMatch(r -> "processing".equals(r.state()) || "processed".equals(r.state()));
        if (!finished) {
            scheduleCheck(meetingId, attempt + 1);
        }
    }

    /** "20s", "3m", "1h" or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text);
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("Not a duration: " + text);
        };
    }
}
