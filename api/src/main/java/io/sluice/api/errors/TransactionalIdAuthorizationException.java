package io.sluice.api.errors;

/** The client is not authorized for its {@code transactional.id}. */
public class TransactionalIdAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    public TransactionalIdAuthorizationException(String message) {
        super(message);
    }

    public TransactionalIdAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
