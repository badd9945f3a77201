package io.sluice.api.errors;

/**
 * A thread was interrupted while the producer blocked it. The thread's interrupt flag is set
 * again, so callers up the stack still see it (as Apache Kafka's {@code InterruptException}).
 */
public class InterruptException extends SluiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Also sets the current thread's interrupt flag again (catching {@code InterruptedException}
     * cleared it), so create it on the thread that was interrupted.
     *
     * @param message what the thread was waiting for, e.g. {@code "Interrupted while flushing"}
     * @param cause   the {@code InterruptedException} that was caught
     */
    public InterruptException(String message, InterruptedException cause) {
        super(message, cause);
        Thread.currentThread().interrupt();
    }

    /**
     * Like {@link #InterruptException(String, InterruptedException)} with the message
     * {@code "Interrupted while waiting"}; also sets the current thread's interrupt flag again.
     *
     * @param cause the {@code InterruptedException} that was caught
     */
    public InterruptException(InterruptedException cause) {
        this("Interrupted while waiting", cause);
    }
}
