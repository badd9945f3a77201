package io.sluice.api.errors;

/** SASL authentication failed: wrong user name or password, or a mechanism the broker does not enable. */
public class SaslAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public SaslAuthenticationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public SaslAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
