package io.sluice.api.errors;

/** A non-retriable broker error without a more specific exception type here; the message names the broker's error. */
public class BrokerException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public BrokerException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
