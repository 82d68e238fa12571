package org.aula.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.aula.bbb.ChecksumAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The videoconference plugin settings: read from platform_setting once and kept in memory, replaced on save (so the
 * next request sees the new values without a restart) and re-read every 30 s so that other app nodes pick up a save
 * made elsewhere. Per-course overrides live in course_setting.
 */
@Service
public class VideoconferenceSettingsService {

    private static final Logger log = LoggerFactory.getLogger(VideoconferenceSettingsService.class);

    static final String PREFIX = "videoconference.";
    static final String ENABLED = PREFIX + "enabled";
    static final String SERVER_URL = PREFIX + "server-url";
    static final String SECRET = PREFIX + "secret";
    static final String ALGORITHM = PREFIX + "checksum-algorithm";
    static final String RECORDING_DEFAULT = PREFIX + "recording-default";
    static final String LOCK_COURSE_SETTINGS = PREFIX + "lock-course-settings";
    static final String DURATION = PREFIX + "default-duration";
    static final String WELCOME = PREFIX + "welcome-message";
    /** Set when the demo set-up pointed the plugin at the built-in devserver (whose secret changes per start). */
    static final String DEVSERVER_MANAGED = PREFIX + "devserver-managed";

    /** course_setting name: "true"/"false", absent = plugin default. */
    public static final String COURSE_RECORDING = "recording.enabled";

    private final SettingsRepository repository;
    private final SecretBox secrets;
    private final ApplicationEventPublisher events;
    private final AtomicReference<VideoconferenceSettings> current = new AtomicReference<>();

    public VideoconferenceSettingsService(SettingsRepository repository, SecretBox secrets,
                                          ApplicationEventPublisher events) {
        this.repository = repository;
        this.secrets = secrets;
        this.events = events;
        // Fails the start-up with SecretBox's clear message when a secret is stored but no key is configured.
        current.set(load());
    }

    /** The settings in effect; never null, never a database call. */
    public VideoconferenceSettings current() {
        return current.get();
    }

    @Scheduled(fixedDelayString = "${aula.settings.reload-interval:30s}", initialDelayString = "${aula.settings.reload-interval:30s}")
    void reload() {
        try {
            current.set(load());
        } catch (RuntimeException e) {
            log.warn("Could not reload the videoconference settings, keeping the previous ones: {}", e.getMessage());
        }
    }

    @Transactional
    public VideoconferenceSettings save(VideoconferenceSettingsUpdate update, Long actorId, String actorName) {
        VideoconferenceSettings before = current();
        var changed = new ArrayList<String>();
        put(ENABLED, Boolean.toString(update.enabled()), Boolean.toString(before.enabled()), changed);
        put(SERVER_URL, strip(update.serverUrl()), before.serverUrl(), changed);
        put(ALGORITHM, update.checksumAlgorithm().name(), before.checksumAlgorithm().name(), changed);
        put(RECORDING_DEFAULT, Boolean.toString(update.recordingDefault()), Boolean.toString(before.recordingDefault()), changed);
        put(LOCK_COURSE_SETTINGS, Boolean.toString(update.lockCourseSettings()),
                Boolean.toString(before.lockCourseSettings()), changed);
        put(DURATION, Integer.toString(update.defaultDurationMinutes()), Integer.toString(before.defaultDurationMinutes()),
                changed);
        put(WELCOME, Objects.requireNonNullElse(update.welcomeMessage(), "").strip(), before.welcomeMessage(), changed);
        if (update.newSecret() != null && !update.newSecret().isBlank()) {
            repository.putPlatformSetting(SECRET, secrets.encrypt(SECRET, update.newSecret().strip()));
            changed.add(SECRET);
        }
        if (!changed.isEmpty()) {
            // An administrator's save takes the configuration over from the demo set-up.
            repository.putPlatformSetting(DEVSERVER_MANAGED, "false");
        }
        return publish(changed, actorId, actorName);
    }

    /**
     * Demo mode: points the plugin at the built-in devserver when nothing is configured yet, or when the demo set-up
     * configured it on an earlier start (the devserver's secret is new on every start). An administrator's own
     * configuration is left alone.
     *
     * @return true when the settings were changed
     */
    @Transactional
    public boolean useDevServerIfUnconfigured(String serverUrl, String secret) {
        Map<String, String> stored = repository.platformSettings(PREFIX);
        boolean managed = Boolean.parseBoolean(stored.get(DEVSERVER_MANAGED));
        boolean unconfigured = blank(stored.get(SERVER_URL)) || blank(stored.get(SECRET));
        // An administrator who saved the devserver's own address (on any port) wants the devserver, whose secret
        // is new on every start: keep following it.
        boolean pointsAtDevServer = !blank(stored.get(SERVER_URL))
                && sameServerIgnoringPort(stored.get(SERVER_URL), serverUrl);
        if (!managed && !unconfigured && !pointsAtDevServer) {
            return false;
        }
        repository.putPlatformSetting(SERVER_URL, serverUrl);
        repository.putPlatformSetting(SECRET, secrets.encrypt(SECRET, secret));
        if (managed || unconfigured) {
            repository.putPlatformSetting(ALGORITHM, ChecksumAlgorithm.SHA256.name());
            repository.putPlatformSetting(ENABLED, "true");
        }
        if (!stored.containsKey(DURATION)) {
            repository.putPlatformSetting(DURATION, Integer.toString(VideoconferenceSettings.DEFAULT_DURATION_MINUTES));
        }
        if (managed || unconfigured) {
            repository.putPlatformSetting(DEVSERVER_MANAGED, "true");
        }
        publish(List.of(SERVER_URL, SECRET), null, "system (demo set-up)");
        return true;
    }

    /** Whether meetings of this course are recorded: the course's choice, unless the plugin locks course settings. */
    public boolean recordingEnabledFor(long courseId) {
        VideoconferenceSettings settings = current();
        if (settings.lockCourseSettings()) {
            return settings.recordingDefault();
        }
        return courseRecording(courseId).orElse(settings.recordingDefault());
    }

    /** The course's own recording choice, empty when it follows the plugin default. */
    public Optional<Boolean> courseRecording(long courseId) {
        return repository.courseSetting(courseId, COURSE_RECORDING).map(Boolean::parseBoolean);
    }

    /** @param recording null = follow the plugin default; refused while the plugin locks course settings */
    @Transactional
    public void setCourseRecording(long courseId, Boolean recording) {
        if (current().lockCourseSettings()) {
            throw new IllegalStateException("Course videoconference settings are locked by the administrator");
        }
        repository.putCourseSetting(courseId, COURSE_RECORDING, recording == null ? null : recording.toString());
    }

    private VideoconferenceSettings publish(List<String> changed, Long actorId, String actorName) {
        VideoconferenceSettings now = load();
        current.set(now);
        if (!changed.isEmpty()) {
            log.info("Videoconference settings changed by {}: {}", actorName, changed);
            events.publishEvent(new VideoconferenceSettingsChanged(actorId, actorName, List.copyOf(changed)));
        }
        return now;
    }

    private void put(String name, String value, String before, List<String> changed) {
        if (!Objects.equals(value, before)) {
            repository.putPlatformSetting(name, value);
            changed.add(name);
        }
    }

    private VideoconferenceSettings load() {
        Map<String, String> s = repository.platformSettings(PREFIX);
        String storedSecret = s.get(SECRET);
        String secret = blank(storedSecret) ? null : secrets.decrypt(SECRET, storedSecret);
        var defaults = VideoconferenceSettings.unconfigured();
        return new VideoconferenceSettings(
                Boolean.parseBoolean(s.get(ENABLED)),
                Objects.requireNonNullElse(s.get(SERVER_URL), ""),
                secret,
                algorithm(s.get(ALGORITHM)),
                Boolean.parseBoolean(s.get(RECORDING_DEFAULT)),
                Boolean.parseBoolean(s.get(LOCK_COURSE_SETTINGS)),
                integer(s.get(DURATION), defaults.defaultDurationMinutes()),
                Objects.requireNonNullElse(s.get(WELCOME), ""));
    }

    private static boolean sameServerIgnoringPort(String a, String b) {
        try {
            java.net.URI x = org.aula.bbb.BbbConfig.normaliseApiBase(a);
            java.net.URI y = org.aula.bbb.BbbConfig.normaliseApiBase(b);
            return x.getHost().equals(y.getHost()) && x.getPath().equals(y.getPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ChecksumAlgorithm algorithm(String value) {
        if (blank(value)) {
            return ChecksumAlgorithm.SHA256;
        }
        try {
            return ChecksumAlgorithm.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ChecksumAlgorithm.SHA256;
        }
    }

    private static int integer(String value, int fallback) {
        try {
            return blank(value) ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
