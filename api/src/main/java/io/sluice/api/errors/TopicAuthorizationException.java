package io.sluice.api.errors;

/** The client is not authorized to write to the topic; check the broker's ACLs for this principal. */
public class TopicAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public TopicAuthorizationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public TopicAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
