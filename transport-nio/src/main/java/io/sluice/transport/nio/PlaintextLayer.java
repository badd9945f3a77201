package io.sluice.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * The plaintext {@link ByteChannelLayer}: application bytes go straight to and from the
 * {@link SocketChannel}, with no handshake and nothing held back. Gathering writes hand the
 * caller's buffers to the socket as they are.
 *
 * <p>Owned by the sender thread, like the {@link Connection} that holds it.
 */
final class PlaintextLayer implements ByteChannelLayer {

    private final SocketChannel channel;

    PlaintextLayer(SocketChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public boolean handshake() {
        return true;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return channel.write(srcs, offset, length);
    }

    @Override
    public boolean flush() {
        return true;
    }

    @Override
    public boolean hasPendingOutput() {
        return false;
    }

    @Override
    public boolean hasBufferedInput() {
        return false;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
