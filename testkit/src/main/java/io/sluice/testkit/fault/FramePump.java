package io.sluice.testkit.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards one direction of a {@link ProxyConnection}, frame by frame, applying the proxy's faults at frame and
 * chunk boundaries.
 *
 * <p>Kafka frames are a 4-byte big-endian size, then that many bytes. The pump reads the size, takes an armed
 * half-frame cut if one applies, holds the frame for the current delay, then copies it in chunks of up to 64 KiB,
 * waiting before each chunk while the direction is stalled. While it waits it reads nothing more, so the sender's
 * bytes wait in the socket buffers: a stall loses nothing.
 *
 * <p>Runs on its own thread, which owns the chunk buffer; it ends when the stream ends, the connection closes or a
 * socket fails.
 */
final class FramePump implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FramePump.class);
    private static final int HEADER_BYTES = 4;
    private static final int CHUNK_BYTES = 64 * 1024;

    private final ProxyConnection connection;
    private final Direction direction;
    private final InputStream in;
    private final OutputStream out;
    private final FaultState state;
    private final ProxyCounters counters;
    private final byte[] buffer = new byte[CHUNK_BYTES];

    FramePump(ProxyConnection connection, Direction direction, InputStream in, OutputStream out, FaultState state,
              ProxyCounters counters) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.state = Objects.requireNonNull(state, "state");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public void run() {
        try {
            while (forwardFrame()) {
                // next frame
            }
        } catch (IOException e) {
            if (!connection.isClosed()) {
                // the peer reset its side or a socket failed: the other side gets a reset too
                LOG.debug("{} {}: {}", connection, direction, e.toString());
                connection.closeAbruptly();
            }
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed; resetting the connection", connection, direction, e);
            connection.closeAbruptly();
        }
    }

    /** Forwards one frame; false once the connection has ended (stream end, cut, close). */
    private boolean forwardFrame() throws IOException {
        int headerRead = fill(HEADER_BYTES);
        if (headerRead < HEADER_BYTES) {
            return endOfStream(headerRead);
        }
        long startNanos = System.nanoTime();
        int size = ((buffer[0] & 0xff) << 24) | ((buffer[1] & 0xff) << 16) | ((buffer[2] & 0xff) << 8)
                | (buffer[3] & 0xff);
        if (size < 0) {
            LOG.warn("{} {}: frame size {} is negative, so this is not Kafka framing; resetting the connection",
                    connection, direction, size);
            connection.closeAbruptly();
            return false;
        }
        FaultState.ArmedCut cut = state.takeCut(direction);
        long frameBytes = HEADER_BYTES + (long) size;
        long toForward = cut == null ? frameBytes : frameBytes / 2;
        if (!state.awaitDelay(direction, startNanos, connection::isClosed)) {
            return interrupted();
        }
        if (!copy(toForward)) {
            return false;
        }
        if (cut != null) {
            counters.injected(FaultKind.HALF_FRAME);
            connection.closeAfterHalfFrame(direction);
            cut.done.complete(null);
            return false;
        }
        counters.forwarded(direction);
        return true;
    }

    /**
     * Writes the {@code toForward} first bytes of the frame whose header is in the buffer: the header (or its first
     * bytes, for a cut of a tiny frame), then the body in chunks. False if the connection ended first.
     */
    private boolean copy(long toForward) throws IOException {
        int pending = (int) Math.min(HEADER_BYTES, toForward);
        long bodyLeft = toForward - pending;
        while (true) {
            int want = (int) Math.min(buffer.length - pending, bodyLeft);
            int read = want > 0 ? in.read(buffer, pending, want) : 0;
            if (read < 0) {
                endOfStream(pending);
                return false;
            }
            pending += read;
            bodyLeft -= read;
            if (!state.awaitForwardable(direction, connection::isClosed)) {
                return interrupted();
            }
            out.write(buffer, 0, pending);
            pending = 0;
            if (bodyLeft == 0) {
                out.flush();
                return true;
            }
        }
    }

    /**
     * The sender ended its stream: forwards the {@code pending} bytes it sent last, then the end of stream.
     * Returns false: this direction has ended.
     */
    private boolean endOfStream(int pending) throws IOException {
        if (pending > 0 && state.awaitForwardable(direction, connection::isClosed)) {
            out.write(buffer, 0, pending);
            out.flush();
        }
        if (!connection.isClosed()) {
            connection.endOfStream(direction);
        }
        return false;
    }

    /**
     * A wait ended without leave to forward: the connection closed (nothing to do), or this thread was interrupted,
     * which ends the connection too, since a half-served direction is of no use. Returns false.
     */
    private boolean interrupted() {
        if (!connection.isClosed()) {
            LOG.debug("{} {}: interrupted while waiting to forward; resetting the connection", connection, direction);
            connection.closeAbruptly();
        }
        return false;
    }

    /** Reads up to {@code count} bytes into the start of the buffer; fewer only at the end of the stream. */
    private int fill(int count) throws IOException {
        int total = 0;
        while (total < count) {
            int read = in.read(buffer, total, count - total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        return total;
    }
}
