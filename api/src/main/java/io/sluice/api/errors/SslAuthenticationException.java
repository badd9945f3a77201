package io.sluice.api.errors;

/** The TLS handshake failed: the certificate is not trusted, the host name does not match, or the protocols do not match. */
public class SslAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public SslAuthenticationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public SslAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
