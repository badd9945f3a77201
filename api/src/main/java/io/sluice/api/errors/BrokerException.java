package io.sluice.api.errors;

/** A non-retriable broker error without a more specific exception type here; the message names the broker's error. */
public class BrokerException extends ApiException {

    private static final long serialVersionUID = 1L;

    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
