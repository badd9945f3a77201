package io.sluice.api.errors;

/** Fewer in-sync replicas than {@code min.insync.replicas}: the broker refused the write (acks=all). */
public class NotEnoughReplicasException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public NotEnoughReplicasException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public NotEnoughReplicasException(String message, Throwable cause) {
        super(message, cause);
    }
}
