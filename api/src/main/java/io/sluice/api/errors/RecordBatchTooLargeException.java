package io.sluice.api.errors;

/** A record batch is larger than the broker's {@code message.max.bytes}. */
public class RecordBatchTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public RecordBatchTooLargeException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public RecordBatchTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
