package io.sluice.api.errors;

/** The broker wrote the records but fewer in-sync replicas than required acknowledged them. */
public class NotEnoughReplicasAfterAppendException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public NotEnoughReplicasAfterAppendException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public NotEnoughReplicasAfterAppendException(String message, Throwable cause) {
        super(message, cause);
    }
}
