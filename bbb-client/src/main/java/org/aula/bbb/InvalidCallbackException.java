package org.aula.bbb;

/**
 * A callback from BBB could not be authenticated or understood. The message says why, never what
 * the expected signature was; answer the caller with 401/400 and do not act on the request.
 */
public final class InvalidCallbackException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public InvalidCallbackException(String message) {
        super(message);
    }

    public InvalidCallbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
