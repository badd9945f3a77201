package io.sluice.codec.gzip;

/**
 * One {@link IdlePool} of {@link DeflateSession}s per gzip level (-1, 1..9), so a session is never
 * switched between levels. Thread-safe: the pools are lock-free and the array is never modified.
 */
final class DeflaterPools implements AutoCloseable {

    // index = level + 1: 0 holds level -1 (zlib's default); 2..10 hold levels 1..9.
    @SuppressWarnings("unchecked")
    private final IdlePool<DeflateSession>[] pools = new IdlePool[GzipFormat.MAX_LEVEL + 2];

    DeflaterPools() {
        int capacity = IdlePool.defaultCapacity();
        for (int i = 0; i < pools.length; i++) {
            pools[i] = new IdlePool<>(capacity, DeflateSession::end);
        }
    }

    /** A reset session for {@code level}, owned by the caller until {@link #release} or {@link #discard}. */
    DeflateSession borrow(int level) {
        GzipFormat.checkLevel(level);
        DeflateSession session = pools[level + 1].poll();
        return session != null ? session : new DeflateSession(level);
    }

    /** Returns a session whose last member completed normally. */
    void release(DeflateSession session) {
        session.deflater.reset();
        pools[session.level + 1].offer(session);
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
