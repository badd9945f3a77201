package io.sluice.api.errors;

/** The broker already has this batch (a retry of an acknowledged batch); treated as success by the producer. */
public class DuplicateSequenceException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public DuplicateSequenceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public DuplicateSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
