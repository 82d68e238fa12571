package org.aula.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.aula.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Growing locks that expire, on the real database. */
class ThrottleTest extends AppTest {

    @Autowired JdbcClient jdbc;

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void locksGrowWithEachFailureAndExpire() {
        var clock = new MovingClock();
        var throttle = new Throttle(jdbc, clock);
        var policy = new Throttle.Policy("test-grow", 3, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofHours(1));

        assertThat(throttle.failed(policy, "k")).isEmpty();
        assertThat(throttle.failed(policy, "k")).isEmpty();
        assertThat(throttle.failed(policy, "k")).isEmpty();
        assertThat(throttle.lockedFor(policy, "k")).isEmpty();
        assertThat(throttle.failed(policy, "k")).contains(Duration.ofSeconds(10));
        assertThat(throttle.lockedFor(policy, "k")).contains(Duration.ofSeconds(10));
        assertThat(throttle.lockedFor(policy, "other")).isEmpty();

        clock.now = clock.now.plusSeconds(11);
        assertThat(throttle.lockedFor(policy, "k")).isEmpty();
        assertThat(throttle.failed(policy, "k")).contains(Duration.ofSeconds(20));
        clock.now = clock.now.plusSeconds(21);
        assertThat(throttle.failed(policy, "k")).contains(Duration.ofSeconds(40));
        clock.now = clock.now.plusSeconds(41);
        assertThat(throttle.failed(policy, "k")).contains(Duration.ofSeconds(60));

        throttle.succeeded(policy, "k");
        assertThat(throttle.lockedFor(policy, "k")).isEmpty();
        assertThat(throttle.failed(policy, "k")).isEmpty();
    }

    @Test
    void oldFailuresAreForgotten() {
        var clock = new MovingClock();
        var throttle = new Throttle(jdbc, clock);
        var policy = new Throttle.Policy("test-forget", 1, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(30));
        assertThat(throttle.failed(policy, "k")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(throttle.failed(policy, "k")).isEmpty();
        assertThat(throttle.failed(policy, "k")).isEqualTo(Optional.of(Duration.ofSeconds(10)));
    }
}
