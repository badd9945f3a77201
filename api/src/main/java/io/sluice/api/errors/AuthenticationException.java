package io.sluice.api.errors;

/** The client could not authenticate to the broker: credentials, mechanism or TLS trust. Fatal: retrying does not help. */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
