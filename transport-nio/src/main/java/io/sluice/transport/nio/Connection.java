package io.sluice.transport.nio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * One connection of the transport: its socket channel and the {@link ByteChannelLayer} over it,
 * its selection key and interest, its {@link FrameWriter} and {@link FrameReader}, its place in
 * the {@link IdleTracker}, and its state (connecting, handshaking, ready, closed). It does the I/O;
 * {@link NioTransport} decides when and reports what happened to the listener.
 *
 * <p>Owned by the sender thread, like the transport; not thread-safe.
 */
final class Connection {

    /** Where a connection is in its life. */
    enum State {
        /** The TCP connect is under way. */
        CONNECTING,
        /** TCP is connected; the layer's handshake (TLS) is under way. */
        HANDSHAKING,
        /** Frames may be sent and are received. */
        READY,
        /** Closed; nothing more happens but its report. */
        CLOSED
    }

    private final int id;
    private final InetSocketAddress address;
    private final SocketChannel channel;
    private final ByteChannelLayer layer;
    private final FrameWriter writer;
    private final FrameReader reader;
    private final IdleTracker.Entry<Connection> idleEntry = new IdleTracker.Entry<>(this);

    private SelectionKey key;
    private int interestOps;
    private State state = State.CONNECTING;
    /** Why it closed, for a report made later (null: closed on request or idle). */
    private IOException closeCause;
    /** Whether the transport has this connection on its list of connections to flush. */
    private boolean flushScheduled;
    /** Whether the transport has this connection on its list of connections with input held by the layer. */
    private boolean bufferedReadScheduled;

    Connection(int id, InetSocketAddress address, SocketChannel channel, ByteChannelLayer layer,
            FrameWriter writer, FrameReader reader) {
        this.id = id;
        this.address = Objects.requireNonNull(address, "address");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    int id() {
        return id;
    }

    State state() {
        return state;
    }

    boolean isReady() {
        return state == State.READY;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    IOException closeCause() {
        return closeCause;
    }

    IdleTracker.Entry<Connection> idleEntry() {
        return idleEntry;
    }

    SocketChannel channel() {
        return channel;
    }

    /** "connection 3 to kafka-1:9092 (10.0.0.7)", for messages: the name as given, and the address it resolved to. */
    String describe() {
        return "connection " + id + " to " + describeAddress(address);
    }

    /** "kafka-1:9092 (10.0.0.7)": the name as given, and the address it resolved to if that differs. */
    static String describeAddress(InetSocketAddress address) {
        String described = address.getHostString() + ":" + address.getPort();
        if (address.getAddress() != null && !address.getAddress().getHostAddress().equals(address.getHostString())) {
            described += " (" + address.getAddress().getHostAddress() + ")";
        }
        return described;
    }

    /** Starts the non-blocking TCP connect; true if it completed at once (possible on loopback). */
    boolean startConnect() throws IOException {
        return channel.connect(address);
    }

    /** Registers with the selector, waiting for the connect to finish (or for nothing if it already has). */
    void register(Selector selector, boolean connected) throws ClosedChannelException {
        interestOps = connected ? 0 : SelectionKey.OP_CONNECT;
        key = channel.register(selector, interestOps, this);
    }

    /**
     * Finishes the TCP connect and advances the layer's handshake.
     *
     * @return true once the connection is ready for frames
     * @throws IOException if the connect failed (refused, unreachable, ...)
     */
    boolean finishConnect() throws IOException {
        if (state == State.CONNECTING) {
            if (!channel.finishConnect()) {
                return false;
            }
            state = State.HANDSHAKING;
        }
        if (state != State.HANDSHAKING) {
            return state == State.READY;
        }
        if (!layer.handshake()) {
            setInterest(SelectionKey.OP_READ | (layer.hasPendingOutput() ? SelectionKey.OP_WRITE : 0));
            return false;
        }
        state = State.READY;
        updateInterest();
        return true;
    }

    /** Queues a frame; see {@link FrameWriter#enqueue}. */
    void enqueue(ByteBuffer[] payload, int count) {
        writer.enqueue(payload, count);
    }

    boolean hasQueuedFrames() {
        return writer.hasPending();
    }

    /**
     * Writes what the socket takes now; keeps OP_WRITE only while bytes remain.
     *
     * @return how many queued frames were written completely, oldest first
     */
    int flush() throws IOException {
        int completed = 0;
        if (layer.flush()) {
            completed = writer.writeTo(layer);
        }
        updateInterest();
        return completed;
    }

    /** The next received frame, or null; see {@link FrameReader#nextFrame}. */
    ByteBuffer nextFrame() throws IOException {
        return reader.nextFrame(layer);
    }

    /** Marks it as on the transport's flush list; false if it already was. */
    boolean scheduleFlush() {
        if (flushScheduled) {
            return false;
        }
        flushScheduled = true;
        return true;
    }

    void flushDone() {
        flushScheduled = false;
    }

    /**
     * Whether the layer holds input the selector cannot see (decrypted TLS bytes), so the next poll
     * must read this connection without waiting for the socket.
     */
    boolean hasBufferedInput() {
        return state == State.READY && layer.hasBufferedInput();
    }

    /** Whether the layer holds bytes of its own (TLS records) that must still reach the socket. */
    boolean hasPendingOutput() {
        return layer.hasPendingOutput();
    }

    /** Marks it as on the transport's list of connections to read without waiting; false if it already was. */
    boolean scheduleBufferedRead() {
        if (bufferedReadScheduled) {
            return false;
        }
        bufferedReadScheduled = true;
        return true;
    }

    void bufferedReadDone() {
        bufferedReadScheduled = false;
    }

    /** Closes the socket and drops queued frames; {@code cause} is kept for a later report. */
    void close(IOException cause) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        closeCause = cause;
        if (key != null) {
            key.cancel();
        }
        try {
            layer.close();
        } catch (IOException ignored) {
            // Closing a socket that already failed may fail again; the connection is gone either
            // way, and the report carries the failure that mattered.
        }
        writer.clear();
        reader.release();
    }

    private void updateInterest() {
        if (state != State.READY) {
            return;
        }
        boolean writing = writer.hasPending() || layer.hasPendingOutput();
        setInterest(SelectionKey.OP_READ | (writing ? SelectionKey.OP_WRITE : 0));
    }

    private void setInterest(int ops) {
        if (ops != interestOps && key != null && key.isValid()) {
            key.interestOps(ops);
            interestOps = ops;
        }
    }
}
