package io.sluice.api.errors;

/** The broker failed with an unexpected error; its log says more. */
public class UnknownServerException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public UnknownServerException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public UnknownServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
