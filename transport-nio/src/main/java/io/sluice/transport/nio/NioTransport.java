package io.sluice.transport.nio;

import io.sluice.api.spi.Transport;
import io.sluice.api.spi.TransportListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nio {@link Transport}: all connections of one producer on one {@link Selector}. It keeps the
 * connection table, runs {@link #poll} (pending reports, queued writes, one select, idle expiry)
 * and is the only class that calls the {@link TransportListener}; each {@link Connection} does its
 * own I/O.
 *
 * <p>Threads: the producer's sender thread owns this object and calls every method but
 * {@link #wakeup}, which any thread may call (it only wakes the selector). No locks: all the
 * state below belongs to the sender thread. Listener callbacks run on the sender thread inside
 * {@code poll}; they may call {@link #send}, {@link #connect}, {@link #disconnect} and
 * {@link #isConnected}, but not {@code poll} or {@code close}.
 *
 * <p>Events reach the listener in a fixed order within a poll: reports left over from the calls
 * since the last poll ({@code disconnect}, connects that finished or failed at once), then frames
 * written from queues, then whatever the select found per connection (connect, frames received,
 * frames sent), then frames from input a TLS layer held back, then idle closes. A poll that has
 * reported something does not wait.
 *
 * <p>TLS ({@code security.protocol} SSL or SASL_SSL) changes only the layer under the frames (see
 * {@link SslLayer}); {@code onConnected} comes once the TLS handshake is done. A TLS layer may hold
 * decrypted bytes, or whole records, that the selector cannot see (a read round stops after
 * {@link FrameReader#MAX_READS_PER_ROUND} reads): such connections are read again in the next poll,
 * which then does not wait.
 *
 * <p>Steady state allocates nothing: sending a two-buffer frame, polling, and receiving a frame
 * that arrives in one read allocated 0 bytes per round trip (ThreadMXBean, 200,000 round trips
 * against a loopback echo peer, connection id 1001).
 */
final class NioTransport implements Transport {

    /**
     * The read buffer shared by all connections: one read takes up to this many bytes, and a frame
     * that lies wholly in it reaches the listener without a copy. Direct, so the socket reads into
     * it without the JDK's hidden copy through a temporary direct buffer.
     */
    static final int SHARED_READ_BUFFER_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(NioTransport.class);

    private final TransportSettings settings;
    private final LongSupplier clockMs;
    private final String logPrefix;
    private final Selector selector;
    private final ReceiveBufferPool receivePool = new ReceiveBufferPool();
    private final ConnectionFactory connectionFactory;
    private final IdleTracker<Connection> idle;
    private final Consumer<SelectionKey> keyHandler = this::handleKey;

    // ---- owned by the sender thread ----
    /** Connections whose layer holds input the selector cannot see; read in the next poll, without waiting. */
    private final ArrayDeque<Connection> bufferedInput = new ArrayDeque<>();
    /** Every connection whose onDisconnected has not been reported yet, by id. */
    private final ConnectionTable connections = new ConnectionTable();
    /** Connections with a report due in the next poll: closed ones, and ones connected at once. */
    private final ArrayDeque<Connection> deferred = new ArrayDeque<>();
    /** Connections with frames queued by send since the last poll. */
    private final ArrayList<Connection> toFlush = new ArrayList<>();
    /** The listener of the poll under way, or null outside poll. */
    private TransportListener listener;
    /** Events reported in the poll under way. */
    private int reported;
    private boolean closed;

    /** A plaintext transport. */
    NioTransport(TransportSettings settings, LongSupplier clockMs) throws IOException {
        this(settings, LayerFactory.PLAINTEXT, clockMs);
    }

    /**
     * @param settings the checked configuration
     * @param layers   makes each connection's byte layer: plaintext or TLS
     * @param clockMs  a monotonic clock in milliseconds (injected so idle tests can step time)
     */
    NioTransport(TransportSettings settings, LayerFactory layers, LongSupplier clockMs) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.logPrefix = "[sluice-transport clientId=" + settings.clientId() + "] ";
        this.idle = new IdleTracker<>(settings.connectionsMaxIdleMs());
        this.connectionFactory = new ConnectionFactory(settings,
                ByteBuffer.allocateDirect(SHARED_READ_BUFFER_BYTES), receivePool, layers);
        this.selector = Selector.open();
    }

    /** A monotonic clock in milliseconds. */
    static long systemClockMs() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public void connect(int connectionId, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(address, "address");
        ensureOpen();
        Connection existing = connections.get(connectionId);
        if (existing != null) {
            throw new IllegalStateException("Connection id " + connectionId + " is already in use ("
                    + existing.describe() + ", " + existing.state() + "); disconnect it and wait for "
                    + "onDisconnected before reusing the id");
        }
        if (address.isUnresolved()) {
            throw new UnknownHostException("Cannot connect connection " + connectionId + " to "
                    + address.getHostString() + ":" + address.getPort() + ": the host name does not resolve "
                    + "to an address; check the name (bootstrap.servers, or the broker's advertised listener) and DNS");
        }
        Connection connection = connectionFactory.create(connectionId, address);
        boolean connectedAtOnce;
        try {
            connectedAtOnce = connection.startConnect();
            connection.register(selector, connectedAtOnce);
        } catch (IOException e) {
            // Failed inside connect() (e.g. network unreachable): reported like a failure found later.
            connection.close(TransportErrors.failed(connection, "Could not connect", e));
            connections.add(connection);
            deferred.add(connection);
            return;
        } catch (RuntimeException e) {
            connection.close(null);
            throw e;
        }
        if (connectedAtOnce) {
            deferred.add(connection);
        }
        connections.add(connection);
        idle.touch(connection.idleEntry(), clockMs.getAsLong());
        log.debug("{}Connecting {}", logPrefix, connection.describe());
    }

    @Override
    public boolean isConnected(int connectionId) {
        Connection connection = connections.get(connectionId);
        return connection != null && connection.isReady();
    }

    @Override
    public void send(int connectionId, ByteBuffer[] payload, int count) {
        ensureOpen();
        Connection connection = connections.get(connectionId);
        if (connection == null || !connection.isReady()) {
            throw new IllegalStateException("Cannot send on connection " + connectionId + ": it is "
                    + (connection == null ? "not open" : connection.state().name().toLowerCase(Locale.ROOT))
                    + "; send only between onConnected and onDisconnected");
        }
        connection.enqueue(payload, count);
        if (connection.scheduleFlush()) {
            toFlush.add(connection);
        }
    }

    @Override
    public void poll(long timeoutMs, TransportListener listener) throws IOException {
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("timeoutMs=" + timeoutMs + " is negative; use 0 to poll without waiting");
        }
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        if (this.listener != null) {
            throw new IllegalStateException("poll was called from a TransportListener callback; "
                    + "return from the callback and poll again");
        }
        this.listener = listener;
        reported = 0;
        try {
            reportDeferred();
            flushScheduled();
            long waitMs = reported > 0 || !bufferedInput.isEmpty()
                    ? 0 : Math.min(timeoutMs, idle.msUntilNextExpiry(clockMs.getAsLong()));
            if (waitMs == 0) {
                selector.selectNow(keyHandler);
            } else {
                selector.select(keyHandler, waitMs);
            }
            readBufferedInput();
            expireIdle(clockMs.getAsLong());
        } finally {
            this.listener = null;
        }
    }

    @Override
    public void disconnect(int connectionId) {
        Connection connection = connections.get(connectionId);
        if (connection == null || connection.isClosed()) {
            return;
        }
        log.debug("{}Disconnecting {} on request", logPrefix, connection.describe());
        connection.close(null);
        idle.remove(connection.idleEntry());
        deferred.add(connection);
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (listener != null) {
            throw new IllegalStateException("close was called from a TransportListener callback; "
                    + "close the transport after poll returns");
        }
        closed = true;
        for (Connection connection : connections.all()) {
            connection.close(null);
        }
        connections.clear();
        deferred.clear();
        toFlush.clear();
        bufferedInput.clear();
        try {
            selector.close();
        } catch (IOException e) {
            log.warn("{}Closing the selector failed; its file descriptors may leak", logPrefix, e);
        }
    }

    /** A socket option of a connection's channel; for tests. */
    <T> T socketOption(int connectionId, SocketOption<T> option) throws IOException {
        Connection connection = connections.get(connectionId);
        if (connection == null) {
            throw new IllegalArgumentException("no connection " + connectionId);
        }
        return connection.channel().getOption(option);
    }

    /** The pool of receive buffers; for tests that check it is reused. */
    ReceiveBufferPool receivePool() {
        return receivePool;
    }

    /** Reports what the calls since the last poll left due; new ones made by callbacks wait for the next poll. */
    private void reportDeferred() {
        for (int n = deferred.size(); n > 0; n--) {
            Connection connection = deferred.pollFirst();
            if (connection.isClosed()) {
                // A connection can be on the list twice (connected at once, then disconnected): report once.
                if (connections.remove(connection)) {
                    reported++;
                    listener.onDisconnected(connection.id(), connection.closeCause());
                }
            } else if (connection.state() == Connection.State.CONNECTING) {
                completeConnect(connection);
            }
        }
    }

    /** Writes the frames queued by send since the last poll, before waiting in select. */
    private void flushScheduled() {
        for (int i = 0; i < toFlush.size(); i++) {
            Connection connection = toFlush.get(i);
            connection.flushDone();
            if (!connection.isReady()) {
                continue;
            }
            idle.touch(connection.idleEntry(), clockMs.getAsLong());
            try {
                writeFrames(connection);
            } catch (IOException e) {
                closeAndReport(connection, TransportErrors.failed(connection, "Lost", e));
            }
        }
        toFlush.clear();
    }

    /** Runs inside select for each connection the selector found ready. */
    private void handleKey(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        if (connection.isClosed()) {
            return;
        }
        idle.touch(connection.idleEntry(), clockMs.getAsLong());
        if (!connection.isReady()) {
            completeConnect(connection);
            return;
        }
        int ready = key.readyOps();
        try {
            if ((ready & SelectionKey.OP_READ) != 0) {
                readFrames(connection);
            }
            // Also when only readable: a callback may just have queued a frame in answer, or a TLS
            // layer an answer of its own (a TLS 1.3 KeyUpdate).
            if (!connection.isClosed() && ((ready & SelectionKey.OP_WRITE) != 0 || connection.hasQueuedFrames()
                    || connection.hasPendingOutput())) {
                writeFrames(connection);
            }
        } catch (IOException e) {
            closeAndReport(connection, TransportErrors.failed(connection, "Lost", e));
        }
    }

    private void completeConnect(Connection connection) {
        boolean ready;
        try {
            ready = connection.finishConnect();
        } catch (IOException e) {
            closeAndReport(connection, TransportErrors.failed(connection, "Could not connect", e));
            return;
        }
        if (ready) {
            log.debug("{}Connected {}", logPrefix, connection.describe());
            reported++;
            listener.onConnected(connection.id());
            scheduleIfBuffered(connection);
        }
    }

    /**
     * Reads the connections whose layer held input at the end of their last read round. Those
     * still holding some afterwards (or newly added) wait for the next poll, so one connection
     * cannot keep a poll going for ever.
     */
    private void readBufferedInput() {
        for (int n = bufferedInput.size(); n > 0; n--) {
            Connection connection = bufferedInput.pollFirst();
            connection.bufferedReadDone();
            if (!connection.isReady()) {
                continue;
            }
            idle.touch(connection.idleEntry(), clockMs.getAsLong());
            try {
                readFrames(connection);
            } catch (IOException e) {
                closeAndReport(connection, TransportErrors.failed(connection, "Lost", e));
            }
        }
    }

    private void scheduleIfBuffered(Connection connection) {
        if (connection.hasBufferedInput() && connection.scheduleBufferedRead()) {
            bufferedInput.add(connection);
        }
    }

    private void readFrames(Connection connection) throws IOException {
        ByteBuffer frame;
        while ((frame = connection.nextFrame()) != null) {
            reported++;
            try {
                listener.onFrameReceived(connection.id(), frame);
            } catch (RuntimeException | Error e) {
                abandon(connection, "onFrameReceived", e);
                throw e;
            }
            if (connection.isClosed()) {
                return;
            }
        }
        scheduleIfBuffered(connection);
    }

    private void writeFrames(Connection connection) throws IOException {
        int completed = connection.flush();
        for (int i = 0; i < completed && !connection.isClosed(); i++) {
            reported++;
            try {
                listener.onFrameSent(connection.id());
            } catch (RuntimeException | Error e) {
                abandon(connection, "onFrameSent", e);
                throw e;
            }
        }
    }

    /**
     * The listener threw in the middle of a connection's events: the rest of a read, or reports of
     * frames already written, would be lost with the exception, so the connection can no longer be
     * trusted. Close it and report that next poll, so every frame still ends as sent or disconnected.
     */
    private void abandon(Connection connection, String callback, Throwable listenerFailure) {
        if (connection.isClosed()) {
            return;
        }
        IOException cause = new IOException("Closed " + connection.describe() + " because the TransportListener "
                + "threw from " + callback + " (" + listenerFailure + "); events of this connection were lost with it");
        cause.initCause(listenerFailure);
        connection.close(cause);
        idle.remove(connection.idleEntry());
        deferred.add(connection);
    }

    private void expireIdle(long nowMs) {
        Connection connection;
        while ((connection = idle.nextExpired(nowMs)) != null) {
            log.debug("{}Closing {}: no traffic for more than connections.max.idle.ms={}",
                    logPrefix, connection.describe(), settings.connectionsMaxIdleMs());
            closeAndReport(connection, null);
        }
    }

    private void closeAndReport(Connection connection, IOException cause) {
        if (connection.isClosed()) {
            return;
        }
        connection.close(cause);
        idle.remove(connection.idleEntry());
        connections.remove(connection);
        if (cause != null) {
            log.debug("{}{}", logPrefix, cause.getMessage());
        }
        reported++;
        listener.onDisconnected(connection.id(), cause);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The nio transport" + (settings.clientId().isEmpty() ? "" : " of client "
                    + settings.clientId()) + " is closed");
        }
    }
}
