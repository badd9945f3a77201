package io.sluice.api.errors;

/** The producer was closed before this record could be delivered. */
public class ProducerClosedException extends SluiceException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public ProducerClosedException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public ProducerClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
