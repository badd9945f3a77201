package io.sluice.transport.nio;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * Puts the byte layer of one connection over its socket channel: plaintext, or TLS with an engine
 * made for the host connected to. One factory per transport, chosen from
 * {@code security.protocol} when the transport opens. Used by the sender thread only.
 */
interface LayerFactory {

    /** Plaintext for every connection. */
    LayerFactory PLAINTEXT = (channel, address) -> new PlaintextLayer(channel);

    /**
     * A layer over {@code channel}, which is open but not yet connected to {@code address}.
     *
     * @param address the broker as given (its host name is what TLS checks the certificate against)
     */
    ByteChannelLayer create(SocketChannel channel, InetSocketAddress address);
}
