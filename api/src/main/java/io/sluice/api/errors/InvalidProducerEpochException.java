package io.sluice.api.errors;

/** The producer epoch is stale. */
public class InvalidProducerEpochException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public InvalidProducerEpochException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public InvalidProducerEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
