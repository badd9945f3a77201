package io.sluice.api.errors;

/** The broker could not access the log directory of the partition. */
public class KafkaStorageException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public KafkaStorageException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public KafkaStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
