package io.sluice.api.errors;

/** An error that may go away if the request is retried; the producer retries it until {@code retries} or {@code delivery.timeout.ms} runs out. */
public class RetriableException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public RetriableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}
