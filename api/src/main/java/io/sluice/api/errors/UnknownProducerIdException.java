package io.sluice.api.errors;

/** The broker no longer knows the producer id (its state expired or was deleted). */
public class UnknownProducerIdException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public UnknownProducerIdException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public UnknownProducerIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
