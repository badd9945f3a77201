package io.sluice.api.errors;

/** The producer's view of the cluster is stale; it refreshes metadata and retries. */
public class InvalidMetadataException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public InvalidMetadataException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public InvalidMetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
