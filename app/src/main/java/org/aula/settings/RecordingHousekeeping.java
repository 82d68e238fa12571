package org.aula.settings;

import java.util.Map;
import org.aula.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plugin options for recordings that the system carries out on its own: deleting a course's recordings from the
 * conference server when the course is deleted, and deleting recordings older than N days (off by default). Read
 * from platform_setting on each use: only background jobs ask, rarely.
 */
@Service
public class RecordingHousekeeping {

    static final String DELETE_WITH_COURSE = VideoconferenceSettingsService.PREFIX + "recording-delete-with-course";
    static final String RETENTION_DAYS = VideoconferenceSettingsService.PREFIX + "recording-retention-days";

    /** @param retentionDays 0 = keep recordings until someone deletes them */
    public record Options(boolean deleteWithCourse, int retentionDays) {
        public boolean retentionOn() {
            return retentionDays > 0;
        }
    }

    private final SettingsRepository repository;
    private final AuditLog audit;

    public RecordingHousekeeping(SettingsRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    public Options current() {
        Map<String, String> s = repository.platformSettings(VideoconferenceSettingsService.PREFIX + "recording-");
        int days;
        try {
            days = Math.max(0, Integer.parseInt(s.getOrDefault(RETENTION_DAYS, "0").strip()));
        } catch (NumberFormatException e) {
            days = 0;
        }
        return new Options(Boolean.parseBoolean(s.get(DELETE_WITH_COURSE)), days);
    }

    @Transactional
    public void save(Options options, String actor) {
        Options before = current();
        int days = Math.max(0, options.retentionDays());
        repository.putPlatformSetting(DELETE_WITH_COURSE, Boolean.toString(options.deleteWithCourse()));
        repository.putPlatformSetting(RETENTION_DAYS, Integer.toString(days));
        if (!before.equals(new Options(options.deleteWithCourse(), days))) {
            audit.record(actor, "settings.recording.housekeeping", "plugin:videoconference",
                    "deleteWithCourse=" + options.deleteWithCourse() + ", retentionDays=" + days);
        }
    }
}
