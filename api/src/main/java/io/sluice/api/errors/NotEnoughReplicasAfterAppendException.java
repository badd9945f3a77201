package io.sluice.api.errors;

/** The broker wrote the records but fewer in-sync replicas than required acknowledged them. */
public class NotEnoughReplicasAfterAppendException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public NotEnoughReplicasAfterAppendException(String message) {
        super(message);
    }

    public NotEnoughReplicasAfterAppendException(String message, Throwable cause) {
        super(message, cause);
    }
}
