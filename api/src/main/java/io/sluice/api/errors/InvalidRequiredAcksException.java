package io.sluice.api.errors;

/** The broker refused the requested {@code acks}. */
public class InvalidRequiredAcksException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidRequiredAcksException(String message) {
        super(message);
    }

    public InvalidRequiredAcksException(String message, Throwable cause) {
        super(message, cause);
    }
}
