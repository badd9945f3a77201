package io.sluice.api.errors;

/** The broker found a record batch corrupt (bad CRC or size). */
public class CorruptRecordException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public CorruptRecordException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
