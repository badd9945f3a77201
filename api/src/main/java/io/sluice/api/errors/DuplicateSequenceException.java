package io.sluice.api.errors;

/** The broker already has this batch (a retry of an acknowledged batch); treated as success by the producer. */
public class DuplicateSequenceException extends ApiException {

    private static final long serialVersionUID = 1L;

    public DuplicateSequenceException(String message) {
        super(message);
    }

    public DuplicateSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
