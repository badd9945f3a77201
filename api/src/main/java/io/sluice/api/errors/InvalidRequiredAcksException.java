package io.sluice.api.errors;

/** The broker refused the requested {@code acks}. */
public class InvalidRequiredAcksException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public InvalidRequiredAcksException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public InvalidRequiredAcksException(String message, Throwable cause) {
        super(message, cause);
    }
}
