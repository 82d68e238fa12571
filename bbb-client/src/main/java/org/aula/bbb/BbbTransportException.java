package org.aula.bbb;

/**
 * The call did not produce a BBB answer: connection refused, timeout, a non-200 status, an HTML
 * error page, a truncated or non-XML body, a body over the size bound, or a DTD in the body.
 *
 * <p>Whether the call took effect on the server is unknown; retry only idempotent calls.
 */
public final class BbbTransportException extends BbbClientException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public BbbTransportException(String call, String message, Throwable cause) {
        this(call, message, -1, cause);
    }

    public BbbTransportException(String call, String message, int statusCode, Throwable cause) {
        super(call, message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status if a response arrived, else -1. */
    public int statusCode() {
        return statusCode;
    }
}
