package io.sluice.api.errors;

/** The broker does not host this topic or partition. */
public class UnknownTopicOrPartitionException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public UnknownTopicOrPartitionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public UnknownTopicOrPartitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
