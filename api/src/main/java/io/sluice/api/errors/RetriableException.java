package io.sluice.api.errors;

/** An error that may go away if the request is retried; the producer retries it until {@code retries} or {@code delivery.timeout.ms} runs out. */
public class RetriableException extends ApiException {

    private static final long serialVersionUID = 1L;

    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}
