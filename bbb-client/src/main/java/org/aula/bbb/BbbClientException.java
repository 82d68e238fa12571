package org.aula.bbb;

/**
 * Base of everything {@link BbbClient} throws for a failed call.
 *
 * <p>Catch {@link BbbException} to react to what BBB said, {@link BbbTransportException} for
 * "the server could not be reached or answered garbage", or this type for both. Messages never
 * contain the shared secret or a checksum.
 */
public abstract sealed class BbbClientException extends RuntimeException
        permits BbbException, BbbTransportException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String call;

    BbbClientException(String call, String message, Throwable cause) {
        super(message, cause);
        this.call = call;
    }

    /** The API call name, e.g. {@code getMeetingInfo} or {@code hooks/create}; {@code version} for the root call. */
    public String call() {
        return call;
    }
}
