package io.sluice.api.errors;

/** The partition has no leader at the moment, e.g. during an election. */
public class LeaderNotAvailableException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public LeaderNotAvailableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public LeaderNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
