package io.sluice.api.errors;

/** A retriable broker error without a more specific exception type here; the message names the broker's error. */
public class RetriableBrokerException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public RetriableBrokerException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public RetriableBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
