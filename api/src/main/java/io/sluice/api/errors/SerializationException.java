package io.sluice.api.errors;

/** A key or value could not be serialized; the record was not sent. */
public class SerializationException extends SluiceException {

    private static final long serialVersionUID = 1L;

    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
