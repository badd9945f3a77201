package io.sluice.api.errors;

/** The client is not authorized for the operation; check the broker's ACLs. */
public class AuthorizationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public AuthorizationException(String message) {
        super(message);
    }

    public AuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
