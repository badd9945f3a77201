package io.sluice.api.errors;

/**
 * The root of Sluice's exceptions, all unchecked (as Apache Kafka's {@code KafkaException}).
 *
 * <p>The hierarchy mirrors Kafka's: {@link ApiException} for errors the broker reports,
 * {@link RetriableException} for those a retry may cure (the producer retries them itself within
 * {@code delivery.timeout.ms}; they reach a callback only when retries ran out),
 * {@link ConfigException} for bad configuration at construction.
 */
public class SluiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public SluiceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public SluiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Wraps a failure; the message is the cause's {@code toString()} ({@code null} without a cause).
     * Prefer a constructor with a message that says what to do.
     *
     * @param cause the failure to wrap; may be null
     */
    public SluiceException(Throwable cause) {
        super(cause);
    }
}
