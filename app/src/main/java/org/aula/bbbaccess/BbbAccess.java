package org.aula.bbbaccess;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.aula.bbb.BbbClient;
import org.aula.bbb.BbbConfig;
import org.aula.bbb.BbbException;
import org.aula.bbb.BbbTransportException;
import org.aula.bbb.JoinMeeting;
import org.aula.settings.VideoconferenceSettings;
import org.aula.settings.VideoconferenceSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one way the app talks to BBB. Holds one {@link BbbClient} for the current plugin settings and builds a new one
 * (with a fresh circuit breaker) as soon as the settings change, so a save takes effect on the next call.
 *
 * <p>Every call goes through a Resilience4j circuit breaker: after repeated transport failures (unreachable, timeout,
 * 5xx, garbage) calls fail at once for a while instead of each waiting for the timeouts, and nothing retries on its
 * own. A FAILED answer from BBB ({@link BbbException}) proves the server is up, so it does not count as a failure.
 * Each call increments the Micrometer counter {@value #CALLS_METRIC} tagged with {@code call} and {@code outcome}
 * (success, failed, unavailable, rejected).
 */
@Service
public class BbbAccess {

    public static final String CALLS_METRIC = "aula.bbb.calls";
    private static final Duration UNAVAILABLE_NEWS_FOR = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(BbbAccess.class);

    private final VideoconferenceSettingsService settings;
    private final MeterRegistry meters;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration breakerOpenFor;

    private volatile Connection connection;
    private volatile BbbAvailability availability = new BbbAvailability(BbbAvailability.State.AVAILABLE, null);

    /** A client and its breaker for one version of the settings. */
    private record Connection(VideoconferenceSettings settings, BbbClient client, CircuitBreaker breaker) {
    }

    public BbbAccess(VideoconferenceSettingsService settings, MeterRegistry meters,
                     @Value("${aula.bbb.connect-timeout:2s}") Duration connectTimeout,
                     @Value("${aula.bbb.request-timeout:3s}") Duration requestTimeout,
                     @Value("${aula.bbb.breaker-open-for:10s}") Duration breakerOpenFor) {
        this.settings = settings;
        this.meters = meters;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.breakerOpenFor = breakerOpenFor;
    }

    /**
     * Runs one BBB call.
     *
     * @param callName the API call, for metrics and messages (e.g. "create", "getMeetingInfo")
     * @throws BbbException when BBB answered FAILED (e.g. notFound)
     * @throws BbbUnavailableException when BBB could not be used
     */
    public <T> T call(String callName, Function<BbbClient, T> call) {
        Connection c = connection();
        if (c == null) {
            count(callName, "unavailable");
            throw new BbbUnavailableException(BbbUnavailableException.Reason.NOT_CONFIGURED,
                    "The videoconference server is not configured", null);
        }
        try {
            T result = c.breaker().executeSupplier(() -> call.apply(c.client()));
            count(callName, "success");
            availability = new BbbAvailability(BbbAvailability.State.AVAILABLE, Instant.now());
            return result;
        } catch (BbbException e) {
            count(callName, "failed");
            availability = new BbbAvailability(BbbAvailability.State.AVAILABLE, Instant.now());
            throw e;
        } catch (CallNotPermittedException e) {
            count(callName, "rejected");
            throw new BbbUnavailableException(BbbUnavailableException.Reason.CIRCUIT_OPEN,
                    "BBB " + callName + " not attempted: the circuit breaker is open after recent failures", null);
        } catch (BbbTransportException e) {
            count(callName, "unavailable");
            availability = new BbbAvailability(BbbAvailability.State.UNAVAILABLE, Instant.now());
            log.warn("BBB {} failed: {}", callName, e.getMessage());
            throw new BbbUnavailableException(BbbUnavailableException.Reason.TRANSPORT, e.getMessage(), e);
        }
    }

    /** Signs a join URL; no request is made, so neither the breaker nor the counters are involved. */
    public URI joinUrl(JoinMeeting request) {
        Connection c = connection();
        if (c == null) {
            throw new BbbUnavailableException(BbbUnavailableException.Reason.NOT_CONFIGURED,
                    "The videoconference server is not configured", null);
        }
        return c.client().joinUrl(request);
    }

    /** Aula's current view of the server; never calls BBB. */
    public BbbAvailability availability() {
        Connection c = connection();
        if (c == null) {
            return new BbbAvailability(BbbAvailability.State.NOT_CONFIGURED, null);
        }
        CircuitBreaker.State state = c.breaker().getState();
        boolean breakerOpen = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
        BbbAvailability last = availability;
        if (!breakerOpen && last.available()) {
            return last;
        }
        // A failure is news only for a while: with no open rooms nothing calls BBB, and the page should not claim
        // "unavailable" for ever because of one old failure (the next start finds out and says so).
        if (last.since() != null && last.since().isBefore(Instant.now().minus(UNAVAILABLE_NEWS_FOR))) {
            return new BbbAvailability(BbbAvailability.State.AVAILABLE, last.since());
        }
        return new BbbAvailability(BbbAvailability.State.UNAVAILABLE, last.since());
    }

    /** The client for the current settings, rebuilt when they changed; null when the plugin cannot be used. */
    private Connection connection() {
        VideoconferenceSettings now = settings.current();
        Connection c = connection;
        if (c == null || !c.settings().equals(now)) {
            synchronized (this) {
                c = connection;
                if (c == null || !c.settings().equals(now)) {
                    c = build(now);
                    connection = c;
                    availability = new BbbAvailability(BbbAvailability.State.AVAILABLE, null);
                }
            }
        }
        return c.client() == null ? null : c;
    }

    private Connection build(VideoconferenceSettings s) {
        if (!s.isActive()) {
            return new Connection(s, null, null);
        }
        BbbClient client;
        try {
            client = new BbbClient(BbbConfig.builder().serverUrl(s.serverUrl()).secret(s.secret())
                    .checksumAlgorithm(s.checksumAlgorithm()).connectTimeout(connectTimeout)
                    .requestTimeout(requestTimeout).build());
        } catch (IllegalArgumentException e) {
            log.warn("Videoconference settings are not usable: {}", e.getMessage());
            return new Connection(s, null, null);
        }
        CircuitBreaker breaker = CircuitBreaker.of("bbb", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                // Slow answers (near the request timeout) count too: a crawling server makes pages wait as well.
                .slowCallDurationThreshold(requestTimeout.multipliedBy(9).dividedBy(10))
                .slowCallRateThreshold(80)
                .waitDurationInOpenState(breakerOpenFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                // after the wait the breaker lets one trial call through (half-open); no timer thread needed
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(e -> e instanceof BbbTransportException)
                .ignoreExceptions(BbbException.class)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.info("BBB circuit breaker: {}", event.getStateTransition()));
        log.info("Using BBB server {}", client.config().apiBase());
        return new Connection(s, client, breaker);
    }

    private void count(String callName, String outcome) {
        Counter.builder(CALLS_METRIC).tag("call", callName).tag("outcome", outcome)
                .description("BBB API calls made by Aula").register(meters).increment();
    }

    /** Total calls of one name (all outcomes) so far; for tests and benchmarks. */
    public double callCount(String callName) {
        return meters.find(CALLS_METRIC).tag("call", callName).counters().stream().mapToDouble(Counter::count).sum();
    }
}
