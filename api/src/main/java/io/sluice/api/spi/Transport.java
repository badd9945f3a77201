package io.sluice.api.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Moves size-prefixed frames between the producer and brokers, without blocking. It knows nothing
 * of Kafka's APIs: the producer's core owns the protocol, correlation ids, in-flight limits and
 * the connection state machine (connect, ApiVersions, authenticate, ready); the transport owns
 * sockets, TLS, buffers and readiness.
 *
 * <h2>Threads</h2>
 * One thread drives a transport: the producer's sender thread calls every method except
 * {@link #wakeup()}, which any thread may call to cut a {@link #poll} short.
 *
 * <h2>Frames</h2>
 * On the wire a frame is a 4-byte big-endian length followed by that many bytes. {@link #send}
 * takes the payload only; the transport writes the length. Incoming frames are reported without
 * their length, through {@link TransportListener#onFrameReceived}.
 *
 * <h2>Connection ids</h2>
 * The caller picks an {@code int} id per connection (for Kafka, the broker id, negative for
 * bootstrap addresses). One connection per id at a time.
 */
public interface Transport extends AutoCloseable {

    /**
     * Starts a non-blocking connect; the outcome is reported from {@link #poll} as
     * {@link TransportListener#onConnected} or {@link TransportListener#onDisconnected}.
     *
     * @param connectionId the caller's id for the new connection
     * @param address      the broker's address
     * @throws IOException if the connect cannot even start (e.g. unresolved address); no event follows
     * @throws IllegalStateException if {@code connectionId} is already in use
     */
    void connect(int connectionId, InetSocketAddress address) throws IOException;

    /**
     * {@return whether {@code connectionId} is connected and may send}
     *
     * @param connectionId the connection's id
     */
    boolean isConnected(int connectionId);

    /**
     * Queues one frame: the remaining bytes of {@code payload[0..count)} in order. The buffers are
     * written with gathering writes and not copied, so the caller must leave them alone until
     * {@link TransportListener#onFrameSent} reports this frame. Frames on one connection are
     * written in the order they were queued.
     *
     * @param connectionId the connection to write to
     * @param payload      the frame's payload, without the size prefix, in one or more buffers
     * @param count        how many buffers of {@code payload}, from index 0, belong to the frame
     * @throws IllegalStateException if the connection is not connected
     */
    void send(int connectionId, ByteBuffer[] payload, int count);

    /**
     * Does the I/O that is possible now, waiting up to {@code timeoutMs} for some to become
     * possible (0: don't wait), and reports what happened to {@code listener}. A failing
     * connection is reported as {@link TransportListener#onDisconnected}, not thrown.
     *
     * @param timeoutMs the longest wait in milliseconds, not negative
     * @param listener  receives this poll's events, on the calling thread, before poll returns
     * @throws IOException if the transport itself fails (e.g. its selector), not one connection
     */
    void poll(long timeoutMs, TransportListener listener) throws IOException;

    /**
     * Closes a connection now; queued frames are dropped. {@link TransportListener#onDisconnected}
     * is reported from the next poll with a null cause. Does nothing for an unknown id.
     *
     * @param connectionId the connection to close
     */
    void disconnect(int connectionId);

    /** Makes a running or the next {@link #poll} return at once. Safe from any thread. */
    void wakeup();

    /** Closes every connection and releases the selector. */
    @Override
    void close();
}
