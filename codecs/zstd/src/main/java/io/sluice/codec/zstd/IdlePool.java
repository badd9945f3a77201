package io.sluice.codec.zstd;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * A bounded set of idle, reusable codec objects (here: zstd contexts), so a batch borrows one
 * that is already initialised instead of allocating native state for every batch.
 *
 * <p>Thread-safe and lock-free: any thread may {@link #poll()}, {@link #offer} and {@link #close()}.
 * Each slot holds at most one idle object; an object is owned by exactly one thread between
 * {@code poll} and {@code offer}. Objects that find no free slot, and objects offered after
 * {@code close}, are destroyed at once, so the pool never holds more than its slot count.
 *
 * <p>Why a pool and not a {@code ThreadLocal}: compression may run on many user threads; a
 * thread-local would keep one native zstd context (one to several MiB) per thread that ever
 * compressed, alive until the thread dies, and {@link #close()} could not free it. The pool bounds
 * idle native memory and frees it when the producer closes.
 */
final class IdlePool<T> {

    private final AtomicReferenceArray<T> slots;
    private final Consumer<T> destroyer;
    private volatile boolean closed;

    IdlePool(int capacity, Consumer<T> destroyer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
        this.destroyer = destroyer;
    }

    /**
     * About one idle context per core, within [2, 16]: more threads than cores do not compress
     * faster, and each idle zstd context holds native memory (more at high levels).
     */
    static int defaultCapacity() {
        return Math.min(16, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** An idle object, now owned by the caller, or {@code null} if none is idle. */
    T poll() {
        int n = slots.length();
        int start = startSlot(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            T idle = slots.get(slot);
            if (idle != null && slots.compareAndSet(slot, idle, null)) {
                return idle;
            }
        }
        return null;
    }

    /** Hands an object back; the caller must not use it afterwards. */
    void offer(T object) {
        if (!closed) {
            int n = slots.length();
            int start = startSlot(n);
            for (int i = 0; i < n; i++) {
                int slot = (start + i) % n;
                if (slots.get(slot) == null && slots.compareAndSet(slot, null, object)) {
                    // close() may have drained the slots just before our store: take it back then.
                    // close() sets 'closed' before draining, so one of us sees the other's write.
                    if (closed) {
                        destroySlot(slot);
                    }
                    return;
                }
            }
        }
        destroyer.accept(object);
    }

    /** Destroys every idle object; objects offered later are destroyed on arrival. */
    void close() {
        closed = true;
        for (int slot = 0; slot < slots.length(); slot++) {
            destroySlot(slot);
        }
    }

    private void destroySlot(int slot) {
        T idle = slots.getAndSet(slot, null);
        if (idle != null) {
            destroyer.accept(idle);
        }
    }

    /** Spreads threads over the slots so concurrent callers rarely race for the same one. */
    private static int startSlot(int n) {
        return (int) (Thread.currentThread().getId() % n);
    }
}
