package io.sluice.api.errors;

/** The connection to a broker broke before a response arrived. */
public class NetworkException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public NetworkException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
