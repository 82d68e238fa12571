package org.aula.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.aula.course.CourseDeleted;
import org.aula.settings.RecordingHousekeeping;
import org.aula.settings.VideoconferenceSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The plugin's housekeeping options: a deleted course's recordings are deleted from BBB too (when the administrator
 * chose so), and recordings older than the retention period are deleted (when one is set). Every deletion goes
 * through BBB first and is audited as done by the system.
 */
@Component
class RecordingHousekeepingJobs {

    private static final Logger log = LoggerFactory.getLogger(RecordingHousekeepingJobs.class);
    static final int RETENTION_BATCH = 200;

    private final RecordingRepository repository;
    private final RecordingActions actions;
    private final RecordingHousekeeping housekeeping;
    private final VideoconferenceSettingsService settings;
    private final TaskScheduler scheduler;

    RecordingHousekeepingJobs(RecordingRepository repository, RecordingActions actions,
                              RecordingHousekeeping housekeeping, VideoconferenceSettingsService settings,
                              TaskScheduler scheduler) {
        this.repository = repository;
        this.actions = actions;
        this.housekeeping = housekeeping;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /** Only once the course delete committed; the BBB calls run off the admin's request. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void courseDeleted(CourseDeleted event) {
        scheduler.schedule(() -> cleanUpCourse(event), Instant.now());
    }

    void cleanUpCourse(CourseDeleted event) {
        List<String> recordIds = repository.recordIdsOfCourse(event.courseId());
        if (!housekeeping.current().deleteWithCourse()) {
            // The course is gone, so nobody can reach these through Aula any more; BBB keeps them (plugin option off).
            recordIds.forEach(repository::delete);
            repository.deleteRecordedMeetingsOfCourse(event.courseId());
            if (!recordIds.isEmpty()) {
                log.info("Course {} deleted: {} recordings left on the conference server (option off)", event.code(),
                        recordIds.size());
            }
            return;
        }
        int deleted = 0;
        int left = 0;
        for (String recordId : recordIds) {
            var recording = repository.find(recordId);
            if (recording.isEmpty()) {
                continue;
            }
            var result = actions.deleteAsSystem(recording.get(), "course " + event.code() + " deleted");
            if (result == RecordingActions.Result.DONE || result == RecordingActions.Result.GONE) {
                deleted++;
            } else {
                left++;
            }
        }
        if (left == 0) {
            repository.deleteRecordedMeetingsOfCourse(event.courseId());
        }
        log.info("Course {} deleted: {} recordings deleted from the conference server, {} could not be (kept in the index)",
                event.code(), deleted, left);
    }

    @Scheduled(fixedDelayString = "${aula.recording.retention-interval:1h}",
            initialDelayString = "${aula.recording.retention-initial-delay:5m}")
    @SchedulerLock(name = "recording-retention", lockAtMostFor = "30m", lockAtLeastFor = "30s")
    void applyRetention() {
        RecordingHousekeeping.Options options = housekeeping.current();
        if (!options.retentionOn() || !settings.current().isActive()) {
            return;
        }
        retain(Duration.ofDays(options.retentionDays()));
    }

    /** Deletes up to one batch of recordings that ended before now - keep; stops at the first BBB outage. */
    int retain(Duration keep) {
        int deleted = 0;
        for (IndexedRecording r : repository.endedBefore(Instant.now().minus(keep), RETENTION_BATCH)) {
            var result = actions.deleteAsSystem(r, "older than " + keep.toDays() + " days");
            if (result == RecordingActions.Result.UNAVAILABLE) {
                break;
            }
            if (result != RecordingActions.Result.FAILED) {
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("Retention: {} recordings older than {} days deleted", deleted, keep.toDays());
        }
        return deleted;
    }
}
