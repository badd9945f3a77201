package io.sluice.api.errors;

/** Fewer in-sync replicas than {@code min.insync.replicas}: the broker refused the write (acks=all). */
public class NotEnoughReplicasException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public NotEnoughReplicasException(String message) {
        super(message);
    }

    public NotEnoughReplicasException(String message, Throwable cause) {
        super(message, cause);
    }
}
