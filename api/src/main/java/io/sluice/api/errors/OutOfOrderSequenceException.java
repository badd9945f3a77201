package io.sluice.api.errors;

/** The broker received a batch with an unexpected sequence number: records may have been lost between producer and broker. */
public class OutOfOrderSequenceException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public OutOfOrderSequenceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public OutOfOrderSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
