package io.sluice.api.errors;

/** {@code trySend} would have had to wait (for metadata or buffer memory); nothing was sent. The message says what was missing. */
public class WouldBlockException extends SluiceException {

    private static final long serialVersionUID = 1L;

    public WouldBlockException(String message) {
        super(message);
    }

    public WouldBlockException(String message, Throwable cause) {
        super(message, cause);
    }
}
