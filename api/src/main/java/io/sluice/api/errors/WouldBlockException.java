package io.sluice.api.errors;

/** {@code trySend} would have had to wait (for metadata or buffer memory); nothing was sent. The message says what was missing. */
public class WouldBlockException extends SluiceException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public WouldBlockException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public WouldBlockException(String message, Throwable cause) {
        super(message, cause);
    }
}
