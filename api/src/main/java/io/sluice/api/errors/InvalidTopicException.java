package io.sluice.api.errors;

/** The topic name is not valid or the topic is internal. */
public class InvalidTopicException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public InvalidTopicException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public InvalidTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
