package io.sluice.api.errors;

/** The broker refused a record as invalid (e.g. a null key on a compacted topic, a bad timestamp). */
public class InvalidRecordException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public InvalidRecordException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
