package io.sluice.core.accumulate;

import io.sluice.api.errors.BufferExhaustedException;
import io.sluice.api.errors.InterruptException;
import io.sluice.core.time.Time;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the memory of all batches of a producer by {@code buffer.memory} and recycles their
 * buffers, with Apache Kafka's semantics: an allocation that finds no memory waits, first come
 * first served, up to {@code max.block.ms}, then fails with {@link BufferExhaustedException}.
 *
 * <p>Unlike Kafka's pool, which recycles only buffers of exactly {@code batch.size}, this pool keeps
 * free lists for power-of-two size classes up to {@code batch.size} ({@link SizeClasses}), so a
 * batch can start small and grow: memory follows what is buffered rather than reserving
 * {@code batch.size} per partition (the KIP-782 problem with thousands of partitions).
 *
 * <p>Thread-safe: user threads allocate, the sender thread deallocates; all state is guarded by
 * {@link #lock}. Waiting threads queue in {@link #waiters}; memory freed goes to the head of that
 * queue first (fairness), and each waiter accumulates memory until it has enough.
 */
public final class BufferPool {

    private final long totalMemory;
    private final SizeClasses classes;
    private final BufferAllocator allocator;
    private final Time time;
    private final PoolWaitRecorder waitRecorder;

    // ---- guarded by lock ----
    private final ReentrantLock lock = new ReentrantLock();
    // The deques are typed ArrayDeque, not Deque: calls through the interface are compiled against its one
    // loaded implementation, and loading another (a LinkedList anywhere in the process) makes the JIT throw
    // away every compiled method that inlined them, the sender's whole poll loop among them.
    /** Free buffers per size class, ready for reuse. */
    private final ArrayDeque<ByteBuffer>[] free;
    /** Memory not held by any buffer, free or in use. */
    private long unallocated;
    /** Bytes held by buffers in the free lists. */
    private long freeListBytes;
    private final ArrayDeque<Condition> waiters = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param totalMemory  {@code buffer.memory}
     * @param batchSize    {@code batch.size}: the largest pooled size class
     * @param allocator    makes new buffers (heap or direct)
     * @param time         clock for wait-time metrics
     * @param waitRecorder told how long allocations waited and when they gave up
     */
    @SuppressWarnings("unchecked")
    public BufferPool(long totalMemory, int batchSize, BufferAllocator allocator, Time time, PoolWaitRecorder waitRecorder) {
        if (totalMemory < 0) {
            throw new IllegalArgumentException("totalMemory < 0: " + totalMemory);
        }
        this.totalMemory = totalMemory;
        this.classes = new SizeClasses(batchSize);
        this.allocator = allocator;
        this.time = time;
        this.waitRecorder = waitRecorder;
        this.unallocated = totalMemory;
        this.free = new ArrayDeque[classes.count()];
        for (int i = 0; i < free.length; i++) {
            free[i] = new ArrayDeque<>();
        }
    }

    /**
     * Allocates a buffer of at least {@code size} bytes (exactly the size class when {@code size}
     * fits one, else exactly {@code size}), waiting up to {@code maxBlockMs} for memory.
     *
     * @throws BufferExhaustedException if the memory did not free up in time
     * @throws IllegalArgumentException if {@code size} exceeds the whole pool (callers check first)
     * @throws InterruptException if interrupted while waiting
     * @throws IllegalStateException if the pool was closed (the producer is closing)
     */
    public ByteBuffer allocate(int size, long maxBlockMs) {
        ByteBuffer buffer = tryAllocate(size);
        if (buffer != null) {
            return buffer;
        }
        return allocateWaiting(classes.bufferSize(size), maxBlockMs);
    }

    /** Like {@link #allocate} but never waits: {@code null} if the memory is not there now. */
    public ByteBuffer tryAllocate(int size) {
        int bufferSize = classes.bufferSize(size);
        if (bufferSize > totalMemory) {
            throw new IllegalArgumentException("Attempt to allocate " + bufferSize + " bytes, but buffer.memory is only "
                    + totalMemory + " bytes");
        }
        lock.lock();
        try {
            checkOpen();
            if (!waiters.isEmpty()) {
                return null; // first come, first served: don't overtake a waiting thread
            }
            ByteBuffer pooled = pollFree(bufferSize);
            if (pooled != null) {
                return pooled;
            }
            if (!reserve(bufferSize)) {
                return null;
            }
        } finally {
            lock.unlock();
        }
        return allocateOutsideLock(bufferSize);
    }

    private ByteBuffer allocateWaiting(int bufferSize, long maxBlockMs) {
        long startNs = time.nanoseconds();
        long remainingNs = TimeUnit.MILLISECONDS.toNanos(maxBlockMs);
        long accumulated = 0;
        Condition turn;
        lock.lock();
        try {
            checkOpen();
            turn = lock.newCondition();
            waiters.addLast(turn);
            try {
                while (true) {
                    if (accumulated == 0 && waiters.peekFirst() == turn) {
                        ByteBuffer pooled = pollFree(bufferSize);
                        if (pooled != null) {
                            recordWait(startNs);
                            return pooled;
                        }
                    }
                    if (waiters.peekFirst() == turn) {
                        accumulated += takeUpTo(bufferSize - accumulated);
                        if (accumulated == bufferSize) {
                            break;
                        }
                    }
                    if (remainingNs <= 0) {
                        unallocated += accumulated; // give back what we gathered
                        accumulated = 0;
                        recordWait(startNs); // as Kafka: time spent waiting counts even when it ends in exhaustion
                        waitRecorder.exhausted();
                        throw exhausted(bufferSize, maxBlockMs);
                    }
                    remainingNs = turn.awaitNanos(remainingNs);
                    checkOpen();
                }
            } catch (InterruptedException e) {
                unallocated += accumulated;
                throw new InterruptException("Interrupted while waiting for " + bufferSize + " bytes of buffer.memory", e);
            } catch (RuntimeException e) {
                unallocated += accumulated;
                throw e;
            } finally {
                waiters.remove(turn);
                signalNextWaiterIfMemoryLeft();
            }
        } finally {
            lock.unlock();
        }
        recordWait(startNs);
        return allocateOutsideLock(bufferSize);
    }

    /**
     * Returns a buffer to the pool. Buffers of a size class go to its free list; others give their
     * memory back. Wakes the first waiting thread.
     */
    public void deallocate(ByteBuffer buffer) {
        int capacity = buffer.capacity();
        lock.lock();
        try {
            int cls = classes.classOfCapacity(capacity);
            if (cls >= 0 && !closed) {
                buffer.clear();
                free[cls].addLast(buffer);
                freeListBytes += capacity;
            } else {
                unallocated += capacity;
            }
            Condition first = waiters.peekFirst();
            if (first != null) {
                first.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes not in use by batches: unallocated plus free-listed. */
    public long availableMemory() {
        lock.lock();
        try {
            return unallocated + freeListBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes held by batches right now. */
    public long usedMemory() {
        return totalMemory - availableMemory();
    }

    /** Threads waiting for memory; a positive value makes the accumulator send batches early. */
    public int queued() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    public long totalMemory() {
        return totalMemory;
    }

    /** The producer's clock this pool was given (the accumulator reads it when it creates a batch). */
    Time time() {
        return time;
    }

    /** The size class of a request, for callers planning buffer growth. */
    public SizeClasses sizeClasses() {
        return classes;
    }

    /** Wakes every waiting thread with an error; used when the producer closes. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Condition c : waiters) {
                c.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- helpers, called with the lock held ----

    private ByteBuffer pollFree(int bufferSize) {
        int cls = classes.classOfCapacity(bufferSize);
        if (cls < 0) {
            return null;
        }
        ByteBuffer b = free[cls].pollFirst();
        if (b != null) {
            freeListBytes -= b.capacity();
        }
        return b;
    }

    /** Reserves {@code size} bytes of unallocated memory, releasing free-listed buffers if needed. */
    private boolean reserve(int size) {
        if (unallocated + freeListBytes < size) {
            return false;
        }
        releaseFreeBuffersUntil(size);
        unallocated -= size;
        return true;
    }

    /** Takes as much as possible, up to {@code wanted}, of unallocated and free-listed memory. */
    private long takeUpTo(long wanted) {
        releaseFreeBuffersUntil(wanted);
        long got = Math.min(wanted, unallocated);
        unallocated -= got;
        return got;
    }

    /** Drops free-listed buffers (largest classes first) until {@code unallocated >= wanted} or none are left. */
    private void releaseFreeBuffersUntil(long wanted) {
        for (int cls = free.length - 1; cls >= 0 && unallocated < wanted; cls--) {
            while (unallocated < wanted && !free[cls].isEmpty()) {
                ByteBuffer dropped = free[cls].pollLast();
                freeListBytes -= dropped.capacity();
                unallocated += dropped.capacity();
            }
        }
    }

    private void signalNextWaiterIfMemoryLeft() {
        if (unallocated + freeListBytes > 0 || closed) {
            Condition next = waiters.peekFirst();
            if (next != null) {
                next.signal();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The producer is closing; no more buffer memory is handed out");
        }
    }

    private BufferExhaustedException exhausted(int size, long maxBlockMs) {
        return new BufferExhaustedException("Failed to allocate " + size + " bytes within max.block.ms=" + maxBlockMs
                + " ms: buffer.memory=" + totalMemory + " bytes are all held by batches waiting to be sent (available: "
                + (unallocated + freeListBytes) + " bytes, batch.size: " + classes.largest() + " bytes). Records are produced "
                + "faster than the brokers take them; raise buffer.memory or max.block.ms, or check that the brokers are reachable.");
    }

    private void recordWait(long startNs) {
        waitRecorder.waited(time.nanoseconds() - startNs);
    }

    private ByteBuffer allocateOutsideLock(int size) {
        try {
            return allocator.allocate(size);
        } catch (Error | RuntimeException e) {
            lock.lock();
            try {
                unallocated += size; // don't leak the reservation
                Condition first = waiters.peekFirst();
                if (first != null) {
                    first.signal();
                }
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }
}
