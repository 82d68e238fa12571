package org.aula.settings;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's recording choices (course_setting rows), with the plugin's defaults where the course made none, and
 * the plugin's defaults only while the administrator locks course settings. Whether to record at all stays in
 * {@link VideoconferenceSettingsService#recordingEnabledFor(long)}; this adds how.
 */
@Service
public class CourseRecordingSettings {

    /** course_setting names: "true"/"false", absent = default. */
    static final String AUTO_START = "recording.auto-start";
    static final String ALLOW_START_STOP = "recording.allow-start-stop";

    private final VideoconferenceSettingsService settings;
    private final SettingsRepository repository;

    public CourseRecordingSettings(VideoconferenceSettingsService settings, SettingsRepository repository) {
        this.settings = settings;
        this.repository = repository;
    }

    /**
     * @param enabled meetings are recorded (BBB record=true)
     * @param autoStart recording runs from the start (BBB autoStartRecording)
     * @param allowStartStop moderators may start and stop recording (BBB allowStartStopRecording); always true when
     *     autoStart is off, or nothing would ever be recorded
     * @param locked the administrator locked course settings: these are the plugin defaults
     */
    public record RecordingOptions(boolean enabled, boolean autoStart, boolean allowStartStop, boolean locked) {
    }

    /** The options in effect for meetings of this course (null: a room outside courses, plugin defaults). */
    public RecordingOptions optionsFor(Long courseId) {
        VideoconferenceSettings current = settings.current();
        if (courseId == null || current.lockCourseSettings()) {
            return new RecordingOptions(current.recordingDefault(), false, true, current.lockCourseSettings());
        }
        boolean autoStart = flag(courseId, AUTO_START).orElse(false);
        boolean allowStartStop = flag(courseId, ALLOW_START_STOP).orElse(true) || !autoStart;
        return new RecordingOptions(settings.recordingEnabledFor(courseId), autoStart, allowStartStop, false);
    }

    /** @throws IllegalStateException while the plugin locks course settings */
    @Transactional
    public void save(long courseId, boolean enabled, boolean autoStart, boolean allowStartStop) {
        settings.setCourseRecording(courseId, enabled);
        repository.putCourseSetting(courseId, AUTO_START, Boolean.toString(autoStart));
        repository.putCourseSetting(courseId, ALLOW_START_STOP, Boolean.toString(allowStartStop || !autoStart));
    }

    private Optional<Boolean> flag(long courseId, String name) {
        return repository.courseSetting(courseId, name).map(Boolean::parseBoolean);
    }
}
