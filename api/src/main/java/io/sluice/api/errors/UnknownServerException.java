package io.sluice.api.errors;

/** The broker failed with an unexpected error; its log says more. */
public class UnknownServerException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UnknownServerException(String message) {
        super(message);
    }

    public UnknownServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
