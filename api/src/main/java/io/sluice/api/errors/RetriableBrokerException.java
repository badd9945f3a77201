package io.sluice.api.errors;

/** A retriable broker error without a more specific exception type here; the message names the broker's error. */
public class RetriableBrokerException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public RetriableBrokerException(String message) {
        super(message);
    }

    public RetriableBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
