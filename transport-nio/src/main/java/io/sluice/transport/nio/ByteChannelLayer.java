package io.sluice.transport.nio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte stream under one connection's frames: plaintext TCP ({@link PlaintextLayer}) or TLS
 * ({@link SslLayer}: an {@code SSLEngine} over the same non-blocking {@code SocketChannel}, on the
 * same selector). {@link FrameReader} and {@link FrameWriter} see only this interface, so frame
 * handling is the same for both.
 *
 * <p>Owned by the sender thread, like the {@link Connection} that holds it. All methods are
 * non-blocking.
 *
 * <p>What the TLS layer uses each hook for: {@link #handshake} runs the TLS handshake after the
 * TCP connect; {@link #write} encrypts and may keep encrypted bytes it could not write yet
 * ({@link #hasPendingOutput}, {@link #flush}); {@link #read} decrypts and may hold decrypted bytes
 * beyond what {@code dst} could take ({@link #hasBufferedInput}), which the socket's readiness will
 * not announce again.
 */
interface ByteChannelLayer extends Closeable {

    /**
     * Advances the layer's own handshake once TCP is connected.
     *
     * @return true once application bytes may flow (at once for plaintext)
     */
    boolean handshake() throws IOException;

    /**
     * Reads application bytes into {@code dst}.
     *
     * @return the number of bytes read, possibly 0, or -1 at the end of the stream
     */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Writes application bytes from {@code srcs[offset..offset+length)}, in order, as far as the
     * socket takes them now (a gathering write: the bytes are not copied by this layer for
     * plaintext), advancing each buffer's position.
     *
     * @return the number of application bytes consumed from {@code srcs}
     */
    long write(ByteBuffer[] srcs, int offset, int length) throws IOException;

    /**
     * Writes bytes the layer itself still holds (TLS records). Plaintext holds none.
     *
     * @return true when the layer holds no more bytes to write
     */
    boolean flush() throws IOException;

    /** Whether the layer holds bytes of its own that {@link #flush} must still write. */
    boolean hasPendingOutput();

    /**
     * Whether {@link #read} can return bytes without the socket becoming readable again (decrypted
     * bytes held back). Plaintext never does: its bytes wait in the socket, where the selector
     * sees them.
     */
    boolean hasBufferedInput();
}
