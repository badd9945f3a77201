package io.sluice.api.errors;

/** The producer was closed before this record could be delivered. */
public class ProducerClosedException extends SluiceException {

    private static final long serialVersionUID = 1L;

    public ProducerClosedException(String message) {
        super(message);
    }

    public ProducerClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
