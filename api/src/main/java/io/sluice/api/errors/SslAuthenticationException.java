package io.sluice.api.errors;

/** The TLS handshake failed: the certificate is not trusted, the host name does not match, or the protocols do not match. */
public class SslAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public SslAuthenticationException(String message) {
        super(message);
    }

    public SslAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
