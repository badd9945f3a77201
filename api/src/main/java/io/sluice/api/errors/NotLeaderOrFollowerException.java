package io.sluice.api.errors;

/** The broker is not the leader of the partition (any more): leadership moved. */
public class NotLeaderOrFollowerException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public NotLeaderOrFollowerException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public NotLeaderOrFollowerException(String message, Throwable cause) {
        super(message, cause);
    }
}
