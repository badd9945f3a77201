package io.sluice.api.errors;

/** The broker received a batch with an unexpected sequence number: records may have been lost between producer and broker. */
public class OutOfOrderSequenceException extends ApiException {

    private static final long serialVersionUID = 1L;

    public OutOfOrderSequenceException(String message) {
        super(message);
    }

    public OutOfOrderSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
