package io.sluice.api.errors;

/**
 * A thread was interrupted while the producer blocked it. The thread's interrupt flag is set
 * again, so callers up the stack still see it (as Apache Kafka's {@code InterruptException}).
 */
public class InterruptException extends SluiceException {

    private static final long serialVersionUID = 1L;

    public InterruptException(String message, InterruptedException cause) {
        super(message, cause);
        Thread.currentThread().interrupt();
    }

    public InterruptException(InterruptedException cause) {
        this("Interrupted while waiting", cause);
    }
}
