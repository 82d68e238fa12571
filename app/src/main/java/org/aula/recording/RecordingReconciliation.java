package org.aula.recording;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.aula.bbbaccess.BbbUnavailableException;
import org.aula.settings.VideoconferenceSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Periodically compares the whole index with BBB (every {@code aula.recording.reconcile-interval}, 15 min by
 * default). ShedLock makes sure only one app node runs it at a time; the others skip that round.
 */
@Component
class RecordingReconciliation {

    private static final Logger log = LoggerFactory.getLogger(RecordingReconciliation.class);

    private final RecordingRepository repository;
    private final RecordingSync sync;
    private final VideoconferenceSettingsService settings;
    private final Duration newMeetingWindow;

    RecordingReconciliation(RecordingRepository repository, RecordingSync sync, VideoconferenceSettingsService settings,
                            @Value("${aula.recording.new-meeting-window:14d}") Duration newMeetingWindow) {
        this.repository = repository;
        this.sync = sync;
        this.settings = settings;
        this.newMeetingWindow = newMeetingWindow;
    }

    @Scheduled(fixedDelayString = "${aula.recording.reconcile-interval:15m}",
            initialDelayString = "${aula.recording.reconcile-initial-delay:2m}")
    @SchedulerLock(name = "recording-reconciliation", lockAtMostFor = "30m", lockAtLeastFor = "30s")
    void scheduled() {
        if (!settings.current().isActive()) {
            return;
        }
        try {
            reconcileAll();
        } catch (BbbUnavailableException e) {
            log.info("Recording reconciliation stopped early, BBB unavailable: {}", e.getMessage());
        }
    }

    /** One full pass over every meeting worth asking about. */
    RecordingSync.Outcome reconcileAll() {
        var meetings = repository.meetingsToReconcile(Instant.now().minus(newMeetingWindow));
        long started = System.nanoTime();
        RecordingSync.Outcome outcome = sync.reconcile(meetings);
        log.info("Recording reconciliation: {} meetings, {} BBB calls, {} recordings saved, {} gone, {} failed batches in {} ms",
                outcome.meetings(), outcome.calls(), outcome.saved(), outcome.gone(), outcome.failedBatches(),
                (System.nanoTime() - started) / 1_000_000);
        return outcome;
    }
}
