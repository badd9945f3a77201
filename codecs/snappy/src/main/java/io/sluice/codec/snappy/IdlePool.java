package io.sluice.codec.snappy;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * A bounded set of idle, reusable codec objects (here: block buffers), so a batch borrows
 * them instead of allocating ~70 KiB for every batch.
 *
 * <p>Thread-safe and lock-free: any thread may {@link #poll()}, {@link #offer} and {@link #close()}.
 * Each slot holds at most one idle object; an object is owned by exactly one thread between
 * {@code poll} and {@code offer}. Objects that find no free slot, and objects offered after
 * {@code close}, are destroyed at once, so the pool never holds more than its slot count.
 *
 * <p>Why a pool and not a {@code ThreadLocal}: compression may run on many user threads; a
 * thread-local would keep one set of block buffers (~70 KiB) per thread that ever compressed, alive
 * until the thread dies, and {@link #close()} could not free it. The pool bounds idle memory and
 * frees it when the producer closes.
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

    /** A capacity that keeps about two idle objects per core, within [4, 64]. */
    static int defaultCapacity() {
        return Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
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
