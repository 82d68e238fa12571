package org.aula.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

class VideoconferenceSettingsServiceTest {

    final SettingsRepository repository = mock(SettingsRepository.class);
    final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

    @Test
    void aStoredSecretWithoutAKeyStopsTheStartWithAClearMessage() {
        String sealed = new SecretBox("the-old-key").encrypt(VideoconferenceSettingsService.SECRET, "s3cr3t");
        when(repository.platformSettings("videoconference.")).thenReturn(Map.of(
                VideoconferenceSettingsService.SERVER_URL, "https://bbb.example.org",
                VideoconferenceSettingsService.SECRET, sealed));

        assertThatThrownBy(() -> new VideoconferenceSettingsService(repository, new SecretBox(""), events))
                .isInstanceOf(SecretBox.MissingSecretKeyException.class)
                .hasMessageContaining("AULA_SECRET_KEY").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void withoutAnythingStoredNoKeyIsNeededAndThePluginIsOff() {
        when(repository.platformSettings("videoconference.")).thenReturn(Map.of());
        var service = new VideoconferenceSettingsService(repository, new SecretBox(""), events);
        assertThat(service.current().isActive()).isFalse();
        assertThat(service.current().defaultDurationMinutes()).isEqualTo(300);
    }

    @Test
    void lockedCourseSettingsUseThePluginDefault() {
        var box = new SecretBox("k");
        when(repository.platformSettings("videoconference.")).thenReturn(Map.of(
                VideoconferenceSettingsService.RECORDING_DEFAULT, "true",
                VideoconferenceSettingsService.LOCK_COURSE_SETTINGS, "true"));
        when(repository.courseSetting(7, VideoconferenceSettingsService.COURSE_RECORDING))
                .thenReturn(java.util.Optional.of("false"));
        var service = new VideoconferenceSettingsService(repository, box, events);
        assertThat(service.recordingEnabledFor(7)).isTrue();
        assertThatThrownBy(() -> service.setCourseRecording(7, false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void demoModeFollowsTheDevServerButLeavesARealServerAlone() {
        var box = new SecretBox("k");
        when(repository.platformSettings("videoconference.")).thenReturn(Map.of(
                VideoconferenceSettingsService.SERVER_URL, "http://localhost:1111/devbbb",
                VideoconferenceSettingsService.SECRET, box.encrypt(VideoconferenceSettingsService.SECRET, "old"),
                VideoconferenceSettingsService.DEVSERVER_MANAGED, "false"));
        var service = new VideoconferenceSettingsService(repository, box, events);
        assertThat(service.useDevServerIfUnconfigured("http://localhost:2222/devbbb", "new-secret")).isTrue();
        org.mockito.Mockito.verify(repository).putPlatformSetting(VideoconferenceSettingsService.SERVER_URL,
                "http://localhost:2222/devbbb");

        when(repository.platformSettings("videoconference.")).thenReturn(Map.of(
                VideoconferenceSettingsService.SERVER_URL, "https://bbb.example.org/bigbluebutton/",
                VideoconferenceSettingsService.SECRET, box.encrypt(VideoconferenceSettingsService.SECRET, "real")));
        assertThat(service.useDevServerIfUnconfigured("http://localhost:2222/devbbb", "new-secret")).isFalse();
    }
}
