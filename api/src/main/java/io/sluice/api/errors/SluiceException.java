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

    public SluiceException(String message) {
        super(message);
    }

    public SluiceException(String message, Throwable cause) {
        super(message, cause);
    }

    public SluiceException(Throwable cause) {
        super(cause);
    }
}
