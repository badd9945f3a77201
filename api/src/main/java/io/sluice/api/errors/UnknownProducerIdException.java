package io.sluice.api.errors;

/** The broker no longer knows the producer id (its state expired or was deleted). */
public class UnknownProducerIdException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UnknownProducerIdException(String message) {
        super(message);
    }

    public UnknownProducerIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
