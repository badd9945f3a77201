package io.sluice.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * The plumbing under one {@link SslLayer}: its engine, its socket and the three buffers TLS
 * records pass through, with the wrap, unwrap, read and write steps the layer combines. The layer
 * decides what to do (handshake, renegotiation, errors); this class moves the bytes.
 *
 * <p>Buffers, all direct, taken from the transport's {@link SslBufferPool} when the connection is
 * made and given back by {@link #release}, so reads and writes allocate none of their own:
 * <pre>
 *   netIn   encrypted bytes read from the socket, not yet decrypted     read mode: position..limit
 *   netOut  encrypted bytes the socket has not taken yet                read mode: position..limit
 *   appIn   decrypted bytes the caller's buffer had no room for          read mode: position..limit
 * </pre>
 * {@code netIn} and {@code netOut} hold {@link #RECORDS_PER_NET_BUFFER} records, so one system call
 * moves up to ~64 KB. {@code netIn} is compacted only before a socket read, never after each record.
 *
 * <p>Direct or heap buffers cost the same CPU here (400 MB echoed in 1 MB frames: ~0.65 ms of the
 * sender thread per MB, encryption and decryption included, either way); direct ones spare the
 * JDK's hidden copy through a temporary direct buffer on every socket call.
 *
 * <p>Owned by the sender thread, like its layer; not thread-safe.
 */
final class SslRecords {

    /** TLS records per network buffer: one socket read or write moves up to this many. */
    static final int RECORDS_PER_NET_BUFFER = 4;

    private static final int RECORD_HEADER_BYTES = 5;
    private static final ByteBuffer RELEASED = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final SslBufferPool pool;
    private final ByteBuffer[] noData = {ByteBuffer.allocate(0)};
    /** The one destination of an unwrap: {@code unwrap(src, dst)} would wrap it in a new array every call. */
    private final ByteBuffer[] unwrapTarget = new ByteBuffer[1];

    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    /** The session's largest record on the wire: a wrap needs this much room in {@link #netOut}. */
    private int packetSize;
    /** Whether the peer sent anything at all: tells "not a TLS listener" from a broken handshake. */
    private boolean peerSentBytes;
    private long delegatedTaskNanos;

    SslRecords(SocketChannel channel, SSLEngine engine, SslBufferPool pool) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.packetSize = engine.getSession().getPacketBufferSize();
        this.netIn = pool.acquire(RECORDS_PER_NET_BUFFER * packetSize).flip();
        this.netOut = pool.acquire(RECORDS_PER_NET_BUFFER * packetSize).flip();
        this.appIn = pool.acquire(engine.getSession().getApplicationBufferSize()).flip();
    }

    /** Reads from the socket into {@code netIn}; the socket's count, -1 at its end. */
    int readNet() throws IOException {
        netIn.compact();
        int n;
        try {
            n = channel.read(netIn);
        } finally {
            netIn.flip();
        }
        if (n > 0) {
            peerSentBytes = true;
        }
        return n;
    }

    /** One socket write of what {@code netOut} holds; true when nothing is left. */
    boolean flushNet() throws IOException {
        if (netOut.hasRemaining()) {
            channel.write(netOut);
        }
        return !netOut.hasRemaining();
    }

    boolean hasNetInput() {
        return netIn.hasRemaining();
    }

    /** Whether {@code netIn} holds at least one whole record (a partial one needs the socket). */
    boolean hasWholeRecord() {
        int available = netIn.remaining();
        if (available < RECORD_HEADER_BYTES) {
            return false;
        }
        int at = netIn.position();
        int length = ((netIn.get(at + 3) & 0xff) << 8) | (netIn.get(at + 4) & 0xff);
        return available >= RECORD_HEADER_BYTES + length;
    }

    boolean hasHeldInput() {
        return appIn.hasRemaining();
    }

    boolean hasPendingOutput() {
        return netOut.hasRemaining();
    }

    boolean peerSentBytes() {
        return peerSentBytes;
    }

    /** Decrypts one record from {@code netIn} straight into {@code dst}. */
    SSLEngineResult unwrapInto(ByteBuffer dst) throws SSLException {
        unwrapTarget[0] = dst;
        try {
            return engine.unwrap(netIn, unwrapTarget, 0, 1);
        } finally {
            unwrapTarget[0] = null;
        }
    }

    /** Decrypts one record from {@code netIn} into {@code appIn}, behind what it holds. */
    SSLEngineResult unwrapHeld() throws SSLException {
        appIn.compact();
        try {
            return unwrapInto(appIn);
        } finally {
            appIn.flip();
        }
    }

    /** Moves as much of {@code appIn} as fits into {@code dst}. */
    void takeHeld(ByteBuffer dst) {
        int n = Math.min(appIn.remaining(), dst.remaining());
        if (n > 0) {
            dst.put(dst.position(), appIn, appIn.position(), n);
            dst.position(dst.position() + n);
            appIn.position(appIn.position() + n);
        }
    }

    /** Forgets decrypted bytes nobody will read (after a failure). */
    void dropHeld() {
        appIn.clear().flip();
    }

    /** A wrap without application data: a handshake message, an alert, close_notify. */
    SSLEngineResult wrapNoData() throws SSLException {
        netOut.compact();
        SSLEngineResult result;
        try {
            result = engine.wrap(noData, netOut);
        } finally {
            netOut.flip();
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            netOut = grow(netOut, netOut.capacity() + engine.getSession().getPacketBufferSize());
        }
        return result;
    }

    /**
     * Encrypts the bytes of {@code srcs} into {@code netOut}, which must be empty, as many records
     * as fit (each {@code wrap} gathers up to one record's worth from as many buffers as needed).
     *
     * @param left how many bytes of {@code srcs} remain
     * @return how many bytes were consumed
     */
    long wrapRecords(ByteBuffer[] srcs, int offset, int length, long left) throws SSLException {
        if (netOut.capacity() < RECORDS_PER_NET_BUFFER * packetSize) {
            netOut = grow(netOut, RECORDS_PER_NET_BUFFER * packetSize);
        }
        netOut.clear();
        try {
            long consumed = 0;
            while (consumed < left && netOut.remaining() >= packetSize) {
                SSLEngineResult result = engine.wrap(srcs, offset, length, netOut);
                switch (result.getStatus()) {
                    case OK:
                        consumed += result.bytesConsumed();
                        if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                            return consumed;
                        }
                        break;
                    case BUFFER_OVERFLOW:
                        // the session's records grew: an empty buffer that is still too small grows next time
                        packetSize = Math.max(engine.getSession().getPacketBufferSize(),
                                netOut.position() == 0 ? netOut.capacity() + 1 : packetSize);
                        return consumed;
                    default:
                        throw new SSLException("the TLS session is " + result.getStatus() + "; cannot send more");
                }
            }
            return consumed;
        } finally {
            netOut.flip();
        }
    }

    /** After BUFFER_UNDERFLOW: grows {@code netIn} if a whole record cannot fit even after compacting. */
    void makeRoomForRecord() {
        int needed = engine.getSession().getPacketBufferSize();
        if (netIn.capacity() < needed || (netIn.position() == 0 && netIn.limit() == netIn.capacity())) {
            netIn = grow(netIn, Math.max(2 * netIn.capacity(), RECORDS_PER_NET_BUFFER * needed));
        }
    }

    /** After BUFFER_OVERFLOW into {@code appIn}: the session's records grew. */
    void growHeld() {
        appIn = grow(appIn, Math.max(appIn.capacity() + 1, engine.getSession().getApplicationBufferSize()));
    }

    /** Takes the session's final record size once the handshake is done. */
    void handshakeDone() {
        packetSize = engine.getSession().getPacketBufferSize();
    }

    /** Runs the engine's delegated tasks here, on the sender thread (see {@link SslLayer}). */
    void runDelegatedTasks() {
        long start = System.nanoTime();
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        delegatedTaskNanos += System.nanoTime() - start;
    }

    long delegatedTaskNanos() {
        return delegatedTaskNanos;
    }

    /** Gives the buffers back to the pool; the records must not be used after. */
    void release() {
        pool.release(netIn);
        pool.release(netOut);
        pool.release(appIn);
        netIn = RELEASED;
        netOut = RELEASED;
        appIn = RELEASED;
    }

    /** A larger buffer from the pool holding {@code buffer}'s remaining bytes (read mode kept). */
    private ByteBuffer grow(ByteBuffer buffer, int capacity) {
        if (buffer.capacity() >= capacity) {
            return buffer;
        }
        ByteBuffer larger = pool.acquire(capacity);
        larger.put(buffer).flip();
        pool.release(buffer);
        return larger;
    }
}
