package io.sluice.transport.nio;

import io.sluice.api.spi.Transport;
import io.sluice.api.spi.TransportConfig;
import io.sluice.api.spi.TransportProvider;
import java.io.IOException;

/**
 * Provides the {@code nio} transport: non-blocking TCP on one {@link java.nio.channels.Selector}
 * per producer, driven by the producer's sender thread. Found by {@link java.util.ServiceLoader}
 * on the module path ({@code provides} in {@code module-info}) and on the class path
 * ({@code META-INF/services}).
 *
 * <p>All four {@code security.protocol} values are accepted: SSL and SASL_SSL run TLS (an
 * {@code SSLEngine} on the same selector, configured by Kafka's {@code ssl.*} keys, see
 * {@link SslConfig}); PLAINTEXT and SASL_PLAINTEXT do not. SASL itself is not the transport's
 * business: the producer's core runs the SASL exchange as frames over the connection.
 *
 * <p>Stateless; each {@link #open} makes an independent transport.
 */
public final class NioTransportProvider implements TransportProvider {

    /** The short name that selects this transport: {@code sluice.transport=nio}. */
    public static final String NAME = "nio";

    /** For {@link java.util.ServiceLoader}. */
    public NioTransportProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Opens a transport with its own selector. With TLS, the {@code SSLContext} is built here,
     * once, so a missing file, a wrong password or an unknown protocol fails now and not at every
     * connect.
     *
     * @throws io.sluice.api.errors.ConfigException if {@code security.protocol} is unknown, a socket
     *         buffer size or the frame limit is out of range, or (with TLS) an {@code ssl.*} setting
     *         is wrong; the message names the key
     * @throws IOException if the selector cannot be opened
     */
    @Override
    public Transport open(TransportConfig config) throws IOException {
        TransportSettings settings = TransportSettings.from(config);
        LayerFactory layers = settings.securityProtocol().usesTls()
                ? SslLayerFactory.create(SslConfig.from(config.originals()))
                : LayerFactory.PLAINTEXT;
        return new NioTransport(settings, layers, NioTransport::systemClockMs);
    }
}
