package io.sluice.api.errors;

/** Something did not happen in time: metadata within {@code max.block.ms}, delivery within {@code delivery.timeout.ms}, a response within {@code request.timeout.ms}. */
public class TimeoutException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public TimeoutException(String message) {
        super(message);
    }

    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
