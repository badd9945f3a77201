package io.sluice.transport.nio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * Makes the transport's {@link Connection}s: opens a non-blocking {@link SocketChannel} with the
 * configured socket options and puts the byte layer over it (plaintext or TLS, from the
 * transport's {@link LayerFactory}), with a frame reader (sharing the transport's read buffer and
 * receive pool) and a frame writer.
 *
 * <p>Owned by the sender thread, like the transport; holds no state of its own beyond what it
 * hands to connections.
 */
final class ConnectionFactory {

    private final TransportSettings settings;
    private final ByteBuffer sharedReadBuffer;
    private final ReceiveBufferPool receivePool;
    private final LayerFactory layers;

    ConnectionFactory(TransportSettings settings, ByteBuffer sharedReadBuffer, ReceiveBufferPool receivePool,
            LayerFactory layers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sharedReadBuffer = Objects.requireNonNull(sharedReadBuffer, "sharedReadBuffer");
        this.receivePool = Objects.requireNonNull(receivePool, "receivePool");
        this.layers = Objects.requireNonNull(layers, "layers");
    }

    /** A new, not yet connecting connection; its channel is open. */
    Connection create(int id, InetSocketAddress address) throws IOException {
        SocketChannel channel = openChannel();
        ByteChannelLayer layer;
        try {
            layer = layers.create(channel, address);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
        return new Connection(id, address, channel, layer, new FrameWriter(),
                new FrameReader(sharedReadBuffer, receivePool, settings.maxReceiveFrameBytes()));
    }

    private SocketChannel openChannel() throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            // Before the connect, so the TCP window scale is negotiated for the buffer asked for.
            if (settings.sendBufferBytes() != TransportSettings.OS_DEFAULT) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, settings.sendBufferBytes());
            }
            if (settings.receiveBufferBytes() != TransportSettings.OS_DEFAULT) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBufferBytes());
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static void closeQuietly(SocketChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
