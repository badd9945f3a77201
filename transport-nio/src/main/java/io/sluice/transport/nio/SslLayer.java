package io.sluice.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS {@link ByteChannelLayer}: a client {@link SSLEngine} over the connection's non-blocking
 * {@link SocketChannel}, on the transport's one selector. It runs the handshake (the connection is
 * reported connected only once it is done), encrypts the frame writer's buffers with gathering
 * wraps ({@code wrap(ByteBuffer[], ...)} reads the size prefix and payload buffers of many frames
 * straight into one record), decrypts into the frame reader's buffer, refuses renegotiation and
 * sends close_notify on close.
 *
 * <p>Buffers, all direct, taken from the transport's {@link SslBufferPool} when the layer is made
 * and given back on close, so steady-state reads and writes allocate none of their own:
 * <pre>
 *   netIn   encrypted bytes read from the socket, not yet decrypted     read mode: position..limit
 *   netOut  encrypted bytes the socket has not taken yet                read mode: position..limit
 *   appIn   decrypted bytes the caller's buffer had no room for          read mode: position..limit
 * </pre>
 * {@code netIn} and {@code netOut} hold {@link #RECORDS_PER_NET_BUFFER} records each, so one
 * system call reads or writes up to ~64 KB. Records are decrypted straight into the caller's
 * buffer when it has room ({@code appIn} is the overflow), and {@code netIn} is compacted only
 * before a socket read, never after each record.
 *
 * <p>Delegated tasks (certificate path checks, key exchange) run inline on the sender thread, as
 * Kafka's own client does: they take a few milliseconds once per connection (logged at DEBUG with
 * the handshake), and handing them to another thread would need a wake-up path back into the
 * selector for no gain at that rate.
 *
 * <p>Owned by the sender thread, like the {@link Connection} that holds it; not thread-safe.
 */
final class SslLayer implements ByteChannelLayer {

    /** TLS records per network buffer: one socket read or write moves up to this many. */
    static final int RECORDS_PER_NET_BUFFER = 4;

    private static final int RECORD_HEADER_BYTES = 5;
    private static final ByteBuffer CLOSED_BUFFER = ByteBuffer.allocate(0).asReadOnlyBuffer();
    private static final Logger log = LoggerFactory.getLogger(SslLayer.class);

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final String peer;
    private final SslConfig config;
    private final SslBufferPool pool;
    private final ByteBuffer[] noData = {ByteBuffer.allocate(0)};

    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    /** The session's largest record on the wire: a wrap needs this much room in {@link #netOut}. */
    private int packetSize;

    private boolean handshakeStarted;
    private boolean tls13;
    /** Whether the peer sent anything at all: tells "not a TLS listener" from a broken handshake. */
    private boolean peerSentBytes;
    /** The peer sent close_notify or closed the socket: nothing more will be decrypted. */
    private boolean inboundDone;
    /** {@link #read} has returned -1. */
    private boolean endReported;
    private boolean closed;
    private long delegatedTaskNanos;

    /**
     * @param engine a client-mode engine, not started
     * @param peer   "host:port" for messages
     */
    SslLayer(SocketChannel channel, SSLEngine engine, String peer, SslConfig config, SslBufferPool pool) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.config = Objects.requireNonNull(config, "config");
        this.pool = Objects.requireNonNull(pool, "pool");
        SSLSession session = engine.getSession();
        this.packetSize = session.getPacketBufferSize();
        this.netIn = pool.acquire(RECORDS_PER_NET_BUFFER * packetSize).flip();
        this.netOut = pool.acquire(RECORDS_PER_NET_BUFFER * packetSize).flip();
        this.appIn = pool.acquire(session.getApplicationBufferSize()).flip();
    }

    @Override
    public boolean handshake() throws IOException {
        try {
            if (!handshakeStarted) {
                handshakeStarted = true;
                engine.beginHandshake();
            }
            while (true) {
                if (!flushNet()) {
                    return false;
                }
                switch (engine.getHandshakeStatus()) {
                    case NEED_TASK:
                        runDelegatedTasks();
                        break;
                    case NEED_WRAP:
                        wrapNoData();
                        break;
                    case NEED_UNWRAP:
                    case NEED_UNWRAP_AGAIN:
                        if (!unwrapHandshake()) {
                            return false;
                        }
                        break;
                    default: // NOT_HANDSHAKING: done, and our last message is on the wire
                        finishHandshake();
                        return true;
                }
            }
        } catch (SSLException e) {
            throw e instanceof SslHandshakeFailure ? e : SslErrors.handshakeFailed(peer, e, config);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        try {
            takeHeld(dst);
            while (dst.hasRemaining() && !inboundDone) {
                if (!unwrapInto(dst)) {
                    int n = readNet();
                    if (n < 0) {
                        inboundDone = true;
                    } else if (n == 0) {
                        break;
                    }
                }
            }
        } catch (SSLException e) {
            throw SslErrors.afterHandshake(peer, e, config);
        }
        int read = dst.position() - start;
        if (read == 0 && inboundDone && !appIn.hasRemaining()) {
            endReported = true;
            return -1;
        }
        return read;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (!flushNet()) {
            return 0;
        }
        long offered = 0;
        for (int i = offset; i < offset + length; i++) {
            offered += srcs[i].remaining();
        }
        long consumed = 0;
        try {
            while (consumed < offered) {
                if (netOut.capacity() < RECORDS_PER_NET_BUFFER * packetSize) {
                    netOut = grow(netOut, RECORDS_PER_NET_BUFFER * packetSize); // empty: flushed above
                }
                netOut.clear();
                try {
                    consumed += wrapRecords(srcs, offset, length, offered - consumed);
                } finally {
                    netOut.flip();
                }
                if (!flushNet()) {
                    break;
                }
            }
        } catch (SSLException e) {
            throw SslErrors.afterHandshake(peer, e, config);
        }
        return consumed;
    }

    @Override
    public boolean flush() throws IOException {
        return flushNet();
    }

    @Override
    public boolean hasPendingOutput() {
        return netOut.hasRemaining();
    }

    /**
     * True when decrypted bytes wait in {@code appIn}, when {@code netIn} holds a whole record
     * (the socket will not announce it again), or when the end of the stream is known but not
     * reported yet. A partial record is not counted: it needs the socket, so the poll may wait.
     */
    @Override
    public boolean hasBufferedInput() {
        if (appIn.hasRemaining()) {
            return true;
        }
        if (inboundDone) {
            return !endReported;
        }
        int available = netIn.remaining();
        if (available < RECORD_HEADER_BYTES) {
            return false;
        }
        int at = netIn.position();
        int length = ((netIn.get(at + 3) & 0xff) << 8) | (netIn.get(at + 4) & 0xff);
        return available >= RECORD_HEADER_BYTES + length;
    }

    /**
     * Sends close_notify (or the alert of a failed handshake) with one non-blocking write, never
     * waiting for the socket, then closes it and gives the buffers back.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (handshakeStarted && channel.isConnected()) {
                engine.closeOutbound();
                netOut.compact();
                try {
                    engine.wrap(noData, netOut);
                } finally {
                    netOut.flip();
                }
                channel.write(netOut);
            }
        } catch (IOException | RuntimeException e) {
            log.trace("No close_notify to {}: {}", peer, e.toString()); // the socket closes either way
        } finally {
            try {
                channel.close();
            } finally {
                pool.release(netIn);
                pool.release(netOut);
                pool.release(appIn);
                netIn = CLOSED_BUFFER;
                netOut = CLOSED_BUFFER;
                appIn = CLOSED_BUFFER;
            }
        }
    }

    /** Nanoseconds the handshake's delegated tasks took on the sender thread; for logs and tests. */
    long delegatedTaskNanos() {
        return delegatedTaskNanos;
    }

    /** Decrypts one record into {@code dst} (or {@code appIn}); false when a socket read is needed first. */
    private boolean unwrapInto(ByteBuffer dst) throws IOException {
        if (!netIn.hasRemaining()) {
            return false;
        }
        SSLEngineResult result = engine.unwrap(netIn, dst);
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            // dst has too little room for this record: decrypt aside and give dst what fits
            result = unwrapHeld();
            takeHeld(dst);
        }
        switch (result.getStatus()) {
            case OK:
                afterUnwrap(result.getHandshakeStatus());
                return result.bytesConsumed() > 0;
            case BUFFER_UNDERFLOW:
                makeRoomForRecord();
                return false;
            case CLOSED:
                inboundDone = true; // close_notify
                return true;
            default: // BUFFER_OVERFLOW into appIn: the session's records grew
                appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                return true;
        }
    }

    /**
     * After the handshake the engine may want to act on a post-handshake message. TLS 1.3 has
     * harmless ones (NewSessionTicket, KeyUpdate, which wants an answer); in TLS 1.2 anything but
     * NOT_HANDSHAKING means the peer started a renegotiation, which is refused.
     */
    private void afterUnwrap(HandshakeStatus status) throws IOException {
        switch (status) {
            case NOT_HANDSHAKING:
            case FINISHED:
                return;
            case NEED_TASK:
                if (!tls13) {
                    throw SslErrors.renegotiationRefused(peer);
                }
                runDelegatedTasks();
                afterUnwrap(engine.getHandshakeStatus());
                return;
            case NEED_WRAP:
                if (!tls13) {
                    throw SslErrors.renegotiationRefused(peer);
                }
                wrapNoData(); // the KeyUpdate answer; write() flushes it first if the socket is full now
                flushNet();
                return;
            default:
                if (!tls13) {
                    throw SslErrors.renegotiationRefused(peer);
                }
        }
    }

    /** Wraps records from {@code srcs} into {@code netOut} (write mode) while it has room for one. */
    private long wrapRecords(ByteBuffer[] srcs, int offset, int length, long left) throws SSLException {
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
                    // the session's records grew; an empty buffer that is still too small grows next round
                    packetSize = Math.max(engine.getSession().getPacketBufferSize(),
                            netOut.position() == 0 ? netOut.capacity() + 1 : packetSize);
                    return consumed;
                default:
                    throw new SSLException("the TLS session is " + result.getStatus() + "; cannot send more");
            }
        }
        return consumed;
    }

    /** One handshake unwrap; false when the socket has nothing more for now. */
    private boolean unwrapHandshake() throws IOException {
        SSLEngineResult result = unwrapHeld();
        switch (result.getStatus()) {
            case OK:
                return true;
            case BUFFER_OVERFLOW:
                appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                return true;
            case CLOSED:
                throw new SSLHandshakeException("the peer closed TLS (close_notify) in the middle of the handshake");
            default: // BUFFER_UNDERFLOW
                makeRoomForRecord();
                int n = readNet();
                if (n < 0) {
                    throw SslErrors.closedDuringHandshake(peer, peerSentBytes);
                }
                return n > 0;
        }
    }

    private void finishHandshake() {
        SSLSession session = engine.getSession();
        tls13 = "TLSv1.3".equals(session.getProtocol());
        packetSize = session.getPacketBufferSize();
        if (log.isDebugEnabled()) {
            log.debug("TLS handshake with {} done: {} {}, {} µs in delegated tasks on the sender thread", peer,
                    session.getProtocol(), session.getCipherSuite(), delegatedTaskNanos / 1000);
        }
    }

    private void wrapNoData() throws SSLException {
        netOut.compact();
        SSLEngineResult result;
        try {
            result = engine.wrap(noData, netOut);
        } finally {
            netOut.flip();
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            netOut = grow(netOut, netOut.capacity() + engine.getSession().getPacketBufferSize());
        } else if (result.getStatus() == SSLEngineResult.Status.CLOSED && !engine.isOutboundDone()) {
            throw new SSLHandshakeException("the TLS engine closed in the middle of the handshake");
        }
    }

    private SSLEngineResult unwrapHeld() throws SSLException {
        appIn.compact();
        try {
            return engine.unwrap(netIn, appIn);
        } finally {
            appIn.flip();
        }
    }

    private void takeHeld(ByteBuffer dst) {
        int n = Math.min(appIn.remaining(), dst.remaining());
        if (n > 0) {
            dst.put(dst.position(), appIn, appIn.position(), n);
            dst.position(dst.position() + n);
            appIn.position(appIn.position() + n);
        }
    }

    private int readNet() throws IOException {
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

    private boolean flushNet() throws IOException {
        if (netOut.hasRemaining()) {
            channel.write(netOut);
        }
        return !netOut.hasRemaining();
    }

    /** On BUFFER_UNDERFLOW: grows {@code netIn} if a whole record could not fit even after compacting. */
    private void makeRoomForRecord() {
        int needed = engine.getSession().getPacketBufferSize();
        if (netIn.capacity() < needed || (netIn.position() == 0 && netIn.limit() == netIn.capacity())) {
            netIn = grow(netIn, Math.max(2 * netIn.capacity(), RECORDS_PER_NET_BUFFER * needed));
        }
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

    private void runDelegatedTasks() {
        long start = System.nanoTime();
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        delegatedTaskNanos += System.nanoTime() - start;
    }
}
