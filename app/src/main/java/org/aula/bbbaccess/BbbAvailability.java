package org.aula.bbbaccess;

import java.time.Instant;

/**
 * What Aula currently believes about the BBB server, from recent calls only (reading it never calls BBB).
 *
 * @param since when the last call that decided this state finished; null before any call
 */
public record BbbAvailability(State state, Instant since) {

    public enum State {
        /** No server URL or secret configured, or the plugin is disabled. */
        NOT_CONFIGURED,
        /** No failure since the last success (or no call yet). */
        AVAILABLE,
        /** The last call failed in transport, or the circuit breaker is open. */
        UNAVAILABLE
    }

    public boolean available() {
        return state == State.AVAILABLE;
    }
}
