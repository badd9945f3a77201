package io.sluice.api.errors;

/** SASL authentication failed: wrong user name or password, or a mechanism the broker does not enable. */
public class SaslAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public SaslAuthenticationException(String message) {
        super(message);
    }

    public SaslAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
