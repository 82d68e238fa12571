package org.aula.bbbaccess;

/**
 * BBB could not be used: not configured, the circuit breaker is open after recent failures, or the call failed in
 * transport (unreachable, timeout, 5xx, garbage). Callers show "the conference server is unavailable"; the message
 * is safe to log (no secret, no checksum) but is not meant for end users.
 */
public class BbbUnavailableException extends RuntimeException {

    public enum Reason { NOT_CONFIGURED, CIRCUIT_OPEN, TRANSPORT }

    private final Reason reason;

    public BbbUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
