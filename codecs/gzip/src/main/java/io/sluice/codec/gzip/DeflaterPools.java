package io.sluice.codec.gzip;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@link IdlePool} of {@link DeflateSession}s per gzip level (-1, 1..9), so a session is never
 * switched between levels. Thread-safe: the pools are lock-free and the list is immutable.
 */
final class DeflaterPools implements AutoCloseable {

    // index = level + 1: 0 holds level -1 (zlib's default); 2..10 hold levels 1..9 (1 stays unused).
    private final List<IdlePool<DeflateSession>> pools;

    DeflaterPools() {
        int capacity = IdlePool.defaultCapacity();
        List<IdlePool<DeflateSession>> byLevel = new ArrayList<>();
        for (int level = GzipFormat.DEFAULT_LEVEL; level <= GzipFormat.MAX_LEVEL; level++) {
            byLevel.add(new IdlePool<>(capacity, DeflateSession::end));
        }
        this.pools = List.copyOf(byLevel);
    }

    /** A reset session for {@code level}, owned by the caller until {@link #release} or {@link #discard}. */
    DeflateSession borrow(int level) {
        GzipFormat.checkLevel(level);
        DeflateSession session = pools.get(level + 1).poll();
        return session != null ? session : new DeflateSession(level);
    }

    /** Returns a session whose last member completed normally. */
    void release(DeflateSession session) {
        session.deflater.reset();
        pools.get(session.level + 1).offer(session);
    }

    /** Frees a session left in an unknown state by a failure. */
    void discard(DeflateSession session) {
        session.end();
    }

    @Override
    public void close() {
        for (IdlePool<DeflateSession> pool : pools) {
            pool.close();
        }
    }
}
