package org.aula.bbbaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.aula.bbb.BbbException;
import org.aula.bbb.ChecksumAlgorithm;
import org.aula.bbb.devserver.DevServer;
import org.aula.bbb.devserver.DevServerMain;
import org.aula.settings.VideoconferenceSettings;
import org.aula.settings.VideoconferenceSettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The circuit breaker, the timeouts, the per-call metrics and the rebuild on new settings, against a devserver. */
class BbbAccessTest {

    static final String SECRET = "bbb-access-test-secret-0123456789";

    DevServerMain bbb;
    VideoconferenceSettingsService settings = mock(VideoconferenceSettingsService.class);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    BbbAccess access;

    @BeforeEach
    void start() throws IOException {
        bbb = DevServerMain.start("127.0.0.1", 0, DevServer.Options.builder(SECRET).build());
        when(settings.current()).thenReturn(settingsFor(bbb.baseUrl()));
        access = new BbbAccess(settings, meters, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        bbb.close();
    }

    @Test
    void countsEveryCallByNameAndOutcome() {
        access.call("getMeetings", c -> c.getMeetings());
        access.call("getMeetings", c -> c.getMeetings());
        assertThatThrownBy(() -> access.call("getMeetingInfo", c -> c.getMeetingInfo("nope")))
                .isInstanceOf(BbbException.class);
        assertThat(meters.counter(BbbAccess.CALLS_METRIC, "call", "getMeetings", "outcome", "success").count())
                .isEqualTo(2);
        assertThat(meters.counter(BbbAccess.CALLS_METRIC, "call", "getMeetingInfo", "outcome", "failed").count())
                .isEqualTo(1);
        assertThat(access.callCount("getMeetings")).isEqualTo(2);
    }

    @Test
    void afterRepeatedTransportFailuresCallsFailAtOnceWithoutReachingBbb() {
        control("fail", "call=getMeetings&mode=http500&forMs=60000");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> access.call("getMeetings", c -> c.getMeetings()))
                    .isInstanceOf(BbbUnavailableException.class)
                    .extracting(e -> ((BbbUnavailableException) e).reason())
                    .isEqualTo(BbbUnavailableException.Reason.TRANSPORT);
        }
        long reached = bbb.core().counters().getOrDefault("getMeetings", 0L);
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> access.call("getMeetings", c -> c.getMeetings()))
                    .isInstanceOf(BbbUnavailableException.class)
                    .extracting(e -> ((BbbUnavailableException) e).reason())
                    .isEqualTo(BbbUnavailableException.Reason.CIRCUIT_OPEN);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
        assertThat(bbb.core().counters().getOrDefault("getMeetings", 0L)).isEqualTo(reached);
        assertThat(access.availability().state()).isEqualTo(BbbAvailability.State.UNAVAILABLE);
        assertThat(meters.counter(BbbAccess.CALLS_METRIC, "call", "getMeetings", "outcome", "rejected").count())
                .isEqualTo(20);
    }

    @Test
    void failedAnswersProveTheServerIsUpAndDoNotOpenTheBreaker() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> access.call("getMeetingInfo", c -> c.getMeetingInfo("unknown-" + 1)))
                    .isInstanceOf(BbbException.class);
        }
        assertThat(access.<java.util.List<org.aula.bbb.MeetingInfo>>call("getMeetings", c -> c.getMeetings())).isEmpty();
        assertThat(access.availability().available()).isTrue();
    }

    @Test
    void aSlowServerCostsAtMostTheRequestTimeout() {
        control("delay", "call=getMeetings&ms=10000");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> access.call("getMeetings", c -> c.getMeetings()))
                .isInstanceOf(BbbUnavailableException.class).hasMessageNotContaining(SECRET);
        // 1 s request timeout against a 10 s delay; generous margin for a loaded build machine
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void newSettingsGiveANewClientAndAFreshBreaker() throws IOException {
        control("fail", "mode=http500&forMs=60000");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> access.call("getMeetings", c -> c.getMeetings()))
                    .isInstanceOf(BbbUnavailableException.class);
        }
        assertThat(access.availability().available()).isFalse();

        try (DevServerMain other = DevServerMain.start("127.0.0.1", 0, DevServer.Options.builder(SECRET).build())) {
            when(settings.current()).thenReturn(settingsFor(other.baseUrl()));
            assertThat(access.<java.util.List<org.aula.bbb.MeetingInfo>>call("getMeetings", c -> c.getMeetings())).isEmpty();
            assertThat(other.core().counters()).containsEntry("getMeetings", 1L);
        }
    }

    @Test
    void aDisabledPluginIsNotConfigured() {
        when(settings.current()).thenReturn(VideoconferenceSettings.unconfigured());
        assertThatThrownBy(() -> access.call("getMeetings", c -> c.getMeetings()))
                .isInstanceOf(BbbUnavailableException.class)
                .extracting(e -> ((BbbUnavailableException) e).reason())
                .isEqualTo(BbbUnavailableException.Reason.NOT_CONFIGURED);
        assertThat(access.availability().state()).isEqualTo(BbbAvailability.State.NOT_CONFIGURED);
    }

    private static VideoconferenceSettings settingsFor(String url) {
        return new VideoconferenceSettings(true, url, SECRET, ChecksumAlgorithm.SHA256, false, false, 300, "");
    }

    private void control(String operation, String form) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(bbb.baseUrl() + "/control/" + operation))
                            .header("X-Devserver-Secret", SECRET)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
