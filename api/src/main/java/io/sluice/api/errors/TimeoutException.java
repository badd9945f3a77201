package io.sluice.api.errors;

/** Something did not happen in time: metadata within {@code max.block.ms}, delivery within {@code delivery.timeout.ms}, a response within {@code request.timeout.ms}. */
public class TimeoutException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public TimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
