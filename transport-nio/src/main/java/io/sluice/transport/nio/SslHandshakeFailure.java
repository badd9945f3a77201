package io.sluice.transport.nio;

import io.sluice.api.errors.SslAuthenticationException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS failure that retrying cannot cure: the broker's certificate is not trusted or does not
 * name the host, no protocol or cipher suite is shared, the broker refused the client's
 * certificate, the listener does not speak TLS (or does while the client does not). Reported as
 * the cause of {@code onDisconnected}; an {@link SSLHandshakeException}, so an {@code IOException}
 * as the listener wants, whose {@linkplain #getCause() cause} is the
 * {@link SslAuthenticationException} the producer's core surfaces as fatal. The message names the
 * broker, the cause and the configuration key to check; it is the same on both exceptions.
 */
final class SslHandshakeFailure extends SSLHandshakeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, why, and which key to check
     * @param jdkCause the JDK's own exception, or null
     */
    SslHandshakeFailure(String message, Throwable jdkCause) {
        super(message);
        initCause(new SslAuthenticationException(message, jdkCause));
    }

    @Override
    public synchronized SslAuthenticationException getCause() {
        return (SslAuthenticationException) super.getCause();
    }
}
