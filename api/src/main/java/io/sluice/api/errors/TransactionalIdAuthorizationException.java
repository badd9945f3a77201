package io.sluice.api.errors;

/** The client is not authorized for its {@code transactional.id}. */
public class TransactionalIdAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public TransactionalIdAuthorizationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public TransactionalIdAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
