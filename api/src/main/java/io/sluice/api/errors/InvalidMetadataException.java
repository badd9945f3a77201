package io.sluice.api.errors;

/** The producer's view of the cluster is stale; it refreshes metadata and retries. */
public class InvalidMetadataException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public InvalidMetadataException(String message) {
        super(message);
    }

    public InvalidMetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
