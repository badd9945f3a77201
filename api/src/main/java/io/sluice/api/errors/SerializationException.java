package io.sluice.api.errors;

/** A key or value could not be serialized; the record was not sent. */
public class SerializationException extends SluiceException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public SerializationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
