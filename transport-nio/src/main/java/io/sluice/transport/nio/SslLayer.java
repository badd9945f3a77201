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
 * wraps ({@code wrap(ByteBuffer[], ...)} reads the size prefixes and payload buffers of many frames
 * straight into records), decrypts into the frame reader's buffer (into a buffer of its own only
 * when the reader's is nearly full), refuses renegotiation, and sends close_notify on close. The
 * bytes move through {@link SslRecords}; this class decides what to do with them.
 *
 * <p>Delegated tasks (certificate path checks, key exchange) run inline on the sender thread, as
 * Kafka's own client does. Measured on 2 cores (EC P-256 certificates, logged at DEBUG with each
 * handshake): about 200 ms for the first handshake of a JVM (class loading), then 3.5 to 17 ms per
 * handshake, TLS 1.2 and 1.3 alike. That stalls the other connections once per connect; handing
 * the tasks to another thread would need a way back into the selector and a second owner of the
 * engine, for no gain at one handshake per broker connection.
 *
 * <p>Allocation: this layer allocates nothing per record; the JDK's engine does (an
 * {@code SSLEngineResult} per call, its record objects, a fresh AES-GCM state per record): about
 * 3.3 KB per round trip of a small frame, measured with ThreadMXBean over 100,000 round trips
 * against a TLS echo peer, TLS 1.2 and 1.3 alike, where plaintext allocates 0 bytes.
 *
 * <p>Owned by the sender thread, like the {@link Connection} that holds it; not thread-safe.
 */
final class SslLayer implements ByteChannelLayer {

    private static final Logger log = LoggerFactory.getLogger(SslLayer.class);

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final String peer;
    private final SslConfig config;
    private final SslRecords records;

    private boolean handshakeStarted;
    private boolean handshakeDone;
    private boolean tls13;
    /** The peer sent close_notify or closed the socket: nothing more will be decrypted. */
    private boolean inboundDone;
    /** {@link #read} has returned -1. */
    private boolean endReported;
    private boolean closed;

    /**
     * @param engine a client-mode engine, not started
     * @param peer   "host:port" for messages
     */
    SslLayer(SocketChannel channel, SSLEngine engine, String peer, SslConfig config, SslBufferPool pool) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.config = Objects.requireNonNull(config, "config");
        this.records = new SslRecords(channel, engine, pool);
    }

    @Override
    public boolean handshake() throws IOException {
        try {
            if (!handshakeStarted) {
                handshakeStarted = true;
                engine.beginHandshake();
            }
            while (true) {
                if (!records.flushNet()) {
                    return false;
                }
                switch (engine.getHandshakeStatus()) {
                    case NEED_TASK:
                        records.runDelegatedTasks();
                        break;
                    case NEED_WRAP:
                        wrapHandshake();
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
        } catch (IOException e) {
            throw explained(e);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        try {
            records.takeHeld(dst);
            while (dst.hasRemaining() && !inboundDone) {
                if (!unwrapInto(dst)) {
                    int n = records.readNet();
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
        if (read == 0 && inboundDone && !records.hasHeldInput()) {
            endReported = true;
            return -1;
        }
        return read;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long consumed = 0;
        try {
            if (!records.flushNet()) {
                return 0;
            }
            long offered = 0;
            for (int i = offset; i < offset + length; i++) {
                offered += srcs[i].remaining();
            }
            while (consumed < offered) {
                consumed += records.wrapRecords(srcs, offset, length, offered - consumed);
                if (!records.flushNet()) {
                    break;
                }
            }
        } catch (SSLException e) {
            throw SslErrors.afterHandshake(peer, e, config);
        } catch (IOException e) {
            throw explained(e);
        }
        return consumed;
    }

    @Override
    public boolean flush() throws IOException {
        try {
            return records.flushNet();
        } catch (IOException e) {
            throw explained(e);
        }
    }

    @Override
    public boolean hasPendingOutput() {
        return records.hasPendingOutput();
    }

    /**
     * True when decrypted bytes wait, when a whole record waits to be decrypted (the socket will
     * not announce it again), or when the end of the stream is known but not reported yet. A
     * partial record is not counted: it needs the socket, so the poll may wait.
     */
    @Override
    public boolean hasBufferedInput() {
        if (records.hasHeldInput()) {
            return true;
        }
        return inboundDone ? !endReported : records.hasWholeRecord();
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
                records.wrapNoData();
                records.flushNet();
            }
        } catch (IOException | RuntimeException e) {
            log.trace("No close_notify to {}: {}", peer, e.toString()); // the socket closes either way
        } finally {
            try {
                channel.close();
            } finally {
                records.release();
            }
        }
    }

    /** Nanoseconds the handshake's delegated tasks took on the sender thread; for logs and tests. */
    long delegatedTaskNanos() {
        return records.delegatedTaskNanos();
    }

    /** Decrypts one record into {@code dst} (or aside); false when a socket read is needed first. */
    private boolean unwrapInto(ByteBuffer dst) throws IOException {
        if (!records.hasNetInput()) {
            return false;
        }
        SSLEngineResult result = records.unwrapInto(dst);
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            // dst has too little room for this record: decrypt aside and give dst what fits
            result = records.unwrapHeld();
            records.takeHeld(dst);
        }
        switch (result.getStatus()) {
            case OK:
                afterUnwrap(result.getHandshakeStatus());
                return result.bytesConsumed() > 0;
            case BUFFER_UNDERFLOW:
                records.makeRoomForRecord();
                return false;
            case CLOSED:
                inboundDone = true; // close_notify
                return true;
            default: // BUFFER_OVERFLOW aside too: the session's records grew
                records.growHeld();
                return true;
        }
    }

    /**
     * After the handshake the engine may want to act on a post-handshake message. TLS 1.3 has
     * harmless ones (NewSessionTicket; KeyUpdate, which wants an answer); in TLS 1.2 anything but
     * NOT_HANDSHAKING means the peer started a renegotiation, which is refused.
     */
    private void afterUnwrap(HandshakeStatus status) throws IOException {
        if (status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED) {
            return;
        }
        if (!tls13) {
            throw SslErrors.renegotiationRefused(peer);
        }
        if (status == HandshakeStatus.NEED_TASK) {
            records.runDelegatedTasks();
            afterUnwrap(engine.getHandshakeStatus());
        } else if (status == HandshakeStatus.NEED_WRAP) {
            records.wrapNoData(); // the KeyUpdate answer; write() flushes it first if the socket is full now
            records.flushNet();
        }
    }

    private void wrapHandshake() throws SSLException {
        SSLEngineResult result = records.wrapNoData();
        if (result.getStatus() == SSLEngineResult.Status.CLOSED && !engine.isOutboundDone()) {
            throw new SSLHandshakeException("the TLS engine closed in the middle of the handshake");
        }
    }

    /** One handshake unwrap; false when the socket has nothing more for now. */
    private boolean unwrapHandshake() throws IOException {
        SSLEngineResult result = records.unwrapHeld();
        switch (result.getStatus()) {
            case OK:
                return true;
            case BUFFER_OVERFLOW:
                records.growHeld();
                return true;
            case CLOSED:
                throw new SSLHandshakeException("the peer closed TLS (close_notify) in the middle of the handshake");
            default: // BUFFER_UNDERFLOW
                records.makeRoomForRecord();
                int n = records.readNet();
                if (n < 0) {
                    throw SslErrors.closedDuringHandshake(peer, records.peerSentBytes());
                }
                return n > 0;
        }
    }

    private void finishHandshake() {
        handshakeDone = true;
        records.handshakeDone();
        SSLSession session = engine.getSession();
        tls13 = "TLSv1.3".equals(session.getProtocol());
        if (log.isDebugEnabled()) {
            log.debug("TLS handshake with {} done: {} {}, {} µs in delegated tasks on the sender thread", peer,
                    session.getProtocol(), session.getCipherSuite(), records.delegatedTaskNanos() / 1000);
        }
    }

    /**
     * A socket failure (broken pipe, reset) often hides the reason: a broker that refuses the
     * handshake sends an alert and closes, and the client's next write fails before it reads the
     * alert. So read what the peer managed to send; if it holds an alert, that is the failure.
     */
    private IOException explained(IOException failure) {
        if (failure instanceof SSLException) {
            return failure;
        }
        try {
            for (int reads = 0; reads < SslRecords.RECORDS_PER_NET_BUFFER; reads++) {
                int n = records.readNet();
                while (records.hasNetInput()) {
                    SSLEngineResult result = records.unwrapHeld();
                    records.dropHeld(); // application bytes after a failure are of no use
                    if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                        records.runDelegatedTasks();
                    }
                    if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
                        break;
                    }
                }
                if (n <= 0) {
                    break;
                }
            }
        } catch (SSLException alert) {
            SSLException explained = handshakeDone
                    ? SslErrors.afterHandshake(peer, alert, config) : SslErrors.handshakeFailed(peer, alert, config);
            explained.addSuppressed(failure);
            return explained;
        } catch (IOException | RuntimeException nothingMore) {
            failure.addSuppressed(nothingMore);
        }
        return failure;
    }
}
