package io.sluice.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A plaintext layer that behaves like TLS on the read side: each read first drains the socket into
 * a buffer of its own, then hands out at most {@code maxBytesPerRead} bytes, and reports the rest
 * through {@link #hasBufferedInput}. The selector cannot see those bytes, so only the transport's
 * handling of held input gets them delivered. Owned by the sender thread, like a real layer.
 */
final class HoldingLayer implements ByteChannelLayer {

    private final PlaintextLayer socket;
    private final ByteBuffer held = ByteBuffer.allocate(4 * 1024 * 1024).flip();
    private final int maxBytesPerRead;
    private boolean endOfStream;

    HoldingLayer(SocketChannel channel, int maxBytesPerRead) {
        this.socket = new PlaintextLayer(channel);
        this.maxBytesPerRead = maxBytesPerRead;
    }

    @Override
    public boolean handshake() {
        return true;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        held.compact();
        try {
            while (held.hasRemaining() && !endOfStream) {
                int n = socket.read(held);
                if (n < 0) {
                    endOfStream = true;
                } else if (n == 0) {
                    break;
                }
            }
        } finally {
            held.flip();
        }
        if (!held.hasRemaining()) {
            return endOfStream ? -1 : 0;
        }
        int n = Math.min(Math.min(maxBytesPerRead, dst.remaining()), held.remaining());
        dst.put(dst.position(), held, held.position(), n);
        dst.position(dst.position() + n);
        held.position(held.position() + n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return socket.write(srcs, offset, length);
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
        return held.hasRemaining();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
