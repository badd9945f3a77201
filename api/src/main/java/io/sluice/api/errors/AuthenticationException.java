package io.sluice.api.errors;

/** The client could not authenticate to the broker: credentials, mechanism or TLS trust. Fatal: retrying does not help. */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public AuthenticationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
