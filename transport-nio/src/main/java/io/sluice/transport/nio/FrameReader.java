package io.sluice.transport.nio;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Cuts one connection's incoming byte stream into frames (a 4-byte big-endian size, then that many
 * bytes) and hands them out one at a time through {@link #nextFrame}.
 *
 * <p>Bytes are read into a read buffer shared by all connections of the transport (one read can
 * bring many frames). A frame that lies wholly in it is handed out in place: the shared buffer
 * itself, its position and limit set around the frame, with no copy. A frame split across reads
 * is gathered into a buffer from the {@link ReceiveBufferPool}; a size prefix split across reads
 * waits in a 4-byte buffer of this reader. So the shared buffer never holds bytes between two
 * rounds of reading (a round: {@code nextFrame} until it returns null), and other connections may
 * use it in between.
 *
 * <p>A size above the limit, or negative, fails the connection before any memory is taken for
 * the frame: it usually means the peer is not a Kafka broker or not speaking plaintext.
 *
 * <p>Owned by the sender thread, like the {@link Connection} that holds it. A round must run to
 * its end (null) or the reader must be {@link #release released}: the shared buffer is not this
 * reader's once the round is over.
 */
final class FrameReader {

    /**
     * The most reads in one round, so one busy connection cannot hold the poll forever. The socket
     * stays readable, so the next poll goes on where this one stopped. (A TLS layer may hold
     * decrypted bytes when a round stops here, which the selector does not see: the transport then
     * reads the connection again in the next poll without waiting; see
     * {@link ByteChannelLayer#hasBufferedInput}.)
     */
    static final int MAX_READS_PER_ROUND = 16;

    private static final int SIZE_PREFIX_BYTES = 4;

    private final ByteBuffer shared;
    private final ReceiveBufferPool pool;
    private final int maxFrameBytes;
    private final ByteBuffer sizePrefix = ByteBuffer.allocate(SIZE_PREFIX_BYTES);

    /** The frame being gathered across reads, or null; position = bytes so far, limit = its size. */
    private ByteBuffer partial;
    /** Whether {@link #shared} holds unparsed bytes of this connection (only within a round). */
    private boolean sharedHoldsBytes;
    /** The frame last handed out, to be given back on the next call: {@link #shared} or a pooled buffer. */
    private ByteBuffer handedOut;
    /** Where parsing of {@link #shared} resumes after the frame handed out in place. */
    private int resumePosition;
    private int resumeLimit;
    private int readsThisRound;
    private boolean drained;

    /**
     * @param shared        the transport's read buffer, shared by the readers of all its connections
     * @param pool          buffers for frames split across reads
     * @param maxFrameBytes the largest frame accepted
     */
    FrameReader(ByteBuffer shared, ReceiveBufferPool pool, int maxFrameBytes) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next whole frame, its payload from position to limit, reading from {@code layer} as
     * needed; or null when no whole frame can be had now (the round is over). The frame is valid
     * until the next call or {@link #release}.
     *
     * @throws EOFException if the peer closed the stream
     * @throws IOException  if reading fails or a size prefix is negative or above the limit
     */
    ByteBuffer nextFrame(ByteChannelLayer layer) throws IOException {
        giveBackHandedOut();
        while (true) {
            if (sharedHoldsBytes) {
                ByteBuffer frame = parseShared();
                if (frame != null) {
                    return frame;
                }
                sharedHoldsBytes = false;
            }
            if (!readIntoShared(layer)) {
                readsThisRound = 0;
                drained = false;
                return null;
            }
        }
    }

    /**
     * Gives every buffer back (the connection is closing); the reader must not be used after. May
     * run while the listener still holds the frame handed out last (it disconnected from inside
     * {@code onFrameReceived}): that frame's position and limit are left alone, and a pooled one
     * is reused only by a later read, after the callback.
     */
    void release() {
        ByteBuffer frame = handedOut;
        handedOut = null;
        if (frame != null && frame != shared) {
            pool.release(frame);
        }
        if (partial != null) {
            pool.release(partial);
            partial = null;
        }
        sharedHoldsBytes = false;
    }

    /** Reads once into the shared buffer; false when the round should end. */
    private boolean readIntoShared(ByteChannelLayer layer) throws IOException {
        if (drained || readsThisRound >= MAX_READS_PER_ROUND) {
            return false;
        }
        shared.clear();
        int n = layer.read(shared);
        if (n < 0) {
            throw endOfStream();
        }
        readsThisRound++;
        if (n == 0) {
            return false;
        }
        // A read that did not fill the buffer emptied the socket; don't spend a system call to
        // learn that again. The selector reports the socket when more arrives.
        drained = shared.hasRemaining() && !layer.hasBufferedInput();
        shared.flip();
        sharedHoldsBytes = true;
        return true;
    }

    /** Takes frames out of the shared buffer; null once it is used up (leftovers are kept aside). */
    private ByteBuffer parseShared() throws IOException {
        ByteBuffer src = shared;
        while (src.hasRemaining()) {
            if (partial != null) {
                copy(src, partial);
                if (!partial.hasRemaining()) {
                    ByteBuffer frame = partial.flip();
                    partial = null;
                    handedOut = frame;
                    return frame;
                }
                continue;
            }
            int size;
            if (sizePrefix.position() > 0 || src.remaining() < SIZE_PREFIX_BYTES) {
                while (sizePrefix.hasRemaining() && src.hasRemaining()) {
                    sizePrefix.put(src.get());
                }
                if (sizePrefix.hasRemaining()) {
                    continue;
                }
                size = sizePrefix.getInt(0);
                sizePrefix.clear();
            } else {
                size = src.getInt();
            }
            checkSize(size);
            if (src.remaining() >= size) {
                return handOutInPlace(size);
            }
            partial = pool.acquire(size);
        }
        return null;
    }

    private ByteBuffer handOutInPlace(int size) {
        resumeLimit = shared.limit();
        resumePosition = shared.position() + size;
        shared.limit(resumePosition);
        handedOut = shared;
        return shared;
    }

    private void giveBackHandedOut() {
        ByteBuffer frame = handedOut;
        if (frame == null) {
            return;
        }
        handedOut = null;
        if (frame == shared) {
            // The listener may have moved position and limit, or the byte order; parsing resumes
            // right after the frame.
            shared.order(ByteOrder.BIG_ENDIAN);
            shared.limit(resumeLimit).position(resumePosition);
        } else {
            pool.release(frame);
        }
    }

    private void checkSize(int size) throws IOException {
        if (size < 0 || size > maxFrameBytes) {
            throw TransportErrors.badFrameSize(size, maxFrameBytes);
        }
    }

    private EOFException endOfStream() {
        if (partial != null) {
            return new EOFException("the peer closed the connection in the middle of a frame: "
                    + partial.position() + " of its " + partial.limit() + " bytes had arrived");
        }
        if (sizePrefix.position() > 0) {
            return new EOFException("the peer closed the connection in the middle of a frame's size prefix: "
                    + sizePrefix.position() + " of its 4 bytes had arrived");
        }
        return new EOFException("the peer closed the connection");
    }

    private static void copy(ByteBuffer src, ByteBuffer dst) {
        int n = Math.min(src.remaining(), dst.remaining());
        dst.put(dst.position(), src, src.position(), n);
        dst.position(dst.position() + n);
        src.position(src.position() + n);
    }
}
