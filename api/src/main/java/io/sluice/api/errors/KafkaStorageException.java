package io.sluice.api.errors;

/** The broker could not access the log directory of the partition. */
public class KafkaStorageException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    public KafkaStorageException(String message) {
        super(message);
    }

    public KafkaStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
