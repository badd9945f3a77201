package io.sluice.api.errors;

/** The client lacks a cluster-level permission (e.g. IdempotentWrite). */
public class ClusterAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public ClusterAuthorizationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public ClusterAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
