package io.sluice.transport.nio;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Makes a {@link SslLayer} per connection from the transport's one {@link SSLContext}: a
 * client-mode engine for the broker's host and port (so the host name is checked against the
 * certificate and sent as SNI), with the configured protocols, cipher suites and endpoint
 * identification. The layers share this factory's {@link SslBufferPool}.
 *
 * <p>Owned by the sender thread, like the transport; the context is built once, in
 * {@link #create(SslConfig)}.
 */
final class SslLayerFactory implements LayerFactory {

    private final SSLContext context;
    private final SslConfig config;
    private final String[] protocols;
    private final String[] cipherSuites;
    private final SslBufferPool pool = new SslBufferPool();

    SslLayerFactory(SSLContext context, SslConfig config) {
        this.context = Objects.requireNonNull(context, "context");
        this.config = Objects.requireNonNull(config, "config");
        this.protocols = config.enabledProtocols().toArray(new String[0]);
        this.cipherSuites = config.cipherSuites().isEmpty() ? null : config.cipherSuites().toArray(new String[0]);
    }

    /**
     * Builds the TLS context from the configuration.
     *
     * @throws io.sluice.api.errors.ConfigException if a store, password, protocol or cipher is wrong
     */
    static SslLayerFactory create(SslConfig config) {
        return new SslLayerFactory(SslContextFactory.create(config), config);
    }

    @Override
    public ByteChannelLayer create(SocketChannel channel, InetSocketAddress address) {
        SSLEngine engine = context.createSSLEngine(address.getHostString(), address.getPort());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols);
        if (cipherSuites != null) {
            parameters.setCipherSuites(cipherSuites);
        }
        parameters.setEndpointIdentificationAlgorithm(
                config.verifiesHostName() ? config.endpointIdentification().toUpperCase(Locale.ROOT) : null);
        engine.setSSLParameters(parameters);
        return new SslLayer(channel, engine, Connection.describeAddress(address), config, pool);
    }

    /** The buffers the layers share; for tests. */
    SslBufferPool pool() {
        return pool;
    }
}
