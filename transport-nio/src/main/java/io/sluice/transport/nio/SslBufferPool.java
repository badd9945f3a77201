package io.sluice.transport.nio;

import java.nio.ByteBuffer;
import java.util.ArrayList;

/**
 * Direct buffers for TLS connections' encrypted and decrypted bytes. A connection takes its three
 * buffers when it is made and uses them for its whole life, so reading and writing allocate none;
 * when it closes they come back here, so a reconnect (or a connection to the next broker) takes
 * them again instead of allocating direct memory, which the JVM frees only after a GC.
 *
 * <p>Keeps at most {@code maxPooled} buffers; a request is served by the smallest free buffer that
 * is large enough. Owned by the sender thread, like the transport; not thread-safe.
 */
final class SslBufferPool {

    static final int DEFAULT_MAX_POOLED = 12;

    private final int maxPooled;
    private final ArrayList<ByteBuffer> free = new ArrayList<>();
    private long allocations;

    SslBufferPool() {
        this(DEFAULT_MAX_POOLED);
    }

    SslBufferPool(int maxPooled) {
        this.maxPooled = maxPooled;
    }

    /** A cleared direct buffer of at least {@code capacity} bytes. */
    ByteBuffer acquire(int capacity) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int candidate = free.get(i).capacity();
            if (candidate >= capacity && (best < 0 || candidate < free.get(best).capacity())) {
                best = i;
            }
        }
        if (best < 0) {
            allocations++;
            return ByteBuffer.allocateDirect(capacity);
        }
        ByteBuffer buffer = free.get(best);
        int last = free.size() - 1;
        free.set(best, free.get(last));
        free.remove(last);
        return buffer.clear();
    }

    /** Takes a buffer back for reuse (dropped if the pool is full). Its bytes must be of no more use. */
    void release(ByteBuffer buffer) {
        if (buffer != null && free.size() < maxPooled) {
            free.add(buffer.clear());
        }
    }

    /** How many buffers this pool allocated; for tests. */
    long allocations() {
        return allocations;
    }
}
