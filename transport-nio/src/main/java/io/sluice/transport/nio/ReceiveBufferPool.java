package io.sluice.transport.nio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;

/**
 * Heap buffers for incoming frames that do not arrive in one read: a frame is cut out of the
 * shared read buffer in place when all of it is there (no copy, no buffer from here), and only a
 * frame split across reads is gathered into a buffer from this pool, which takes it back once the
 * listener has seen the frame.
 *
 * <p>Why a small pool shared by all connections and not one growable buffer per connection: a
 * producer receives mostly small responses (Produce) and now and then a large one (Metadata of a
 * big cluster). A per-connection buffer would keep the largest frame ever seen on every
 * connection; this pool keeps at most {@code maxPooledBuffers} buffers of at most
 * {@code maxPooledCapacity} bytes for the whole transport, and rounds sizes up to a power of two
 * so frames of similar size share buffers. In steady state no buffer is allocated (see
 * {@link #allocations()}, which the tests pin). Larger frames get a buffer of their own that is
 * dropped after use.
 *
 * <p>Owned by the sender thread (used only inside {@code poll}); not thread-safe.
 */
final class ReceiveBufferPool {

    static final int MIN_CAPACITY = 1024;
    static final int DEFAULT_MAX_POOLED_CAPACITY = 1 << 20;
    static final int DEFAULT_MAX_POOLED_BUFFERS = 4;

    private final int maxPooledCapacity;
    private final int maxPooledBuffers;
    private final ArrayList<ByteBuffer> free;
    private long allocations;

    ReceiveBufferPool() {
        this(DEFAULT_MAX_POOLED_CAPACITY, DEFAULT_MAX_POOLED_BUFFERS);
    }

    ReceiveBufferPool(int maxPooledCapacity, int maxPooledBuffers) {
        if (maxPooledCapacity < MIN_CAPACITY || maxPooledBuffers < 0) {
            throw new IllegalArgumentException("maxPooledCapacity=" + maxPooledCapacity
                    + " must be at least " + MIN_CAPACITY + " and maxPooledBuffers=" + maxPooledBuffers
                    + " at least 0");
        }
        this.maxPooledCapacity = maxPooledCapacity;
        this.maxPooledBuffers = maxPooledBuffers;
        this.free = new ArrayList<>(maxPooledBuffers);
    }

    /** A big-endian buffer with position 0 and limit {@code size}; its capacity may be larger. */
    ByteBuffer acquire(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size=" + size + " is negative");
        }
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int capacity = free.get(i).capacity();
            if (capacity >= size && (best < 0 || capacity < free.get(best).capacity())) {
                best = i;
            }
        }
        ByteBuffer buffer;
        if (best >= 0) {
            int last = free.size() - 1;
            buffer = free.get(best);
            free.set(best, free.get(last));
            free.remove(last);
        } else {
            buffer = ByteBuffer.allocate(capacityFor(size));
            allocations++;
        }
        buffer.clear().limit(size);
        return buffer;
    }

    /** Takes a buffer back; it is kept for reuse if it is small enough and there is room. */
    void release(ByteBuffer buffer) {
        if (buffer.capacity() <= maxPooledCapacity && free.size() < maxPooledBuffers) {
            buffer.clear();
            buffer.order(ByteOrder.BIG_ENDIAN);
            free.add(buffer);
        }
    }

    /** How many buffers this pool has allocated so far. */
    long allocations() {
        return allocations;
    }

    /** How many buffers wait for reuse. */
    int pooled() {
        return free.size();
    }

    private int capacityFor(int size) {
        if (size > maxPooledCapacity) {
            return size;
        }
        int rounded = size <= MIN_CAPACITY ? MIN_CAPACITY : Integer.highestOneBit(size - 1) << 1;
        return Math.min(rounded, maxPooledCapacity);
    }
}
