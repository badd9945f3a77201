package io.sluice.api.errors;

/** An error reported by a broker, or found by the producer on a broker's behalf (e.g. a record too large to send). */
public class ApiException extends SluiceException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public ApiException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public ApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
