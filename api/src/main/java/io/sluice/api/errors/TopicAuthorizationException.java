package io.sluice.api.errors;

/** The client is not authorized to write to the topic; check the broker's ACLs for this principal. */
public class TopicAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    public TopicAuthorizationException(String message) {
        super(message);
    }

    public TopicAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
