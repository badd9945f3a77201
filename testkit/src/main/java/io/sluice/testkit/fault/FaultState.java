package io.sluice.testkit.fault;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The faults one {@link FaultProxy} applies right now (stall, delay, blackhole, refusal, an armed half-frame cut),
 * and the waits its pumps make on them.
 *
 * <p>Thread-safe: every field is guarded by {@code lock}. The test thread changes the state; each pump thread
 * waits on {@code changed}, which every change signals. A pump also waits for its connection to close: whoever
 * closes a connection calls {@link #wakeAll()}, so a pump parked in a stall notices and ends.
 */
final class FaultState {

    /** A cut of the next frame in {@code direction}; {@code done} completes when it has been made. */
    static final class ArmedCut {
        final Direction direction;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        ArmedCut(Direction direction) {
            this.direction = direction;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // guarded by lock; arrays are indexed by Direction.index()
    private final boolean[] stalled = new boolean[2];
    private final boolean[] stallTimed = new boolean[2];
    private final long[] stallEndNanos = new long[2];
    private final long[] delayNanos = new long[2];
    private boolean blackholed;
    private boolean refusing;
    private ArmedCut armedCut;

    /** Stops forwarding in {@code direction}: until {@link #unstall()}, or for {@code duration} if not null. */
    void stall(Direction direction, Duration duration) {
        lock.lock();
        try {
            long end = duration == null ? 0 : System.nanoTime() + duration.toNanos();
            for (Direction single : singles(direction)) {
                stalled[single.index()] = true;
                stallTimed[single.index()] = duration != null;
                stallEndNanos[single.index()] = end;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void unstall() {
        lock.lock();
        try {
            stalled[0] = false;
            stalled[1] = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void delay(Direction direction, Duration delay) {
        lock.lock();
        try {
            for (Direction single : singles(direction)) {
                delayNanos[single.index()] = delay.toNanos();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void blackhole(boolean on) {
        lock.lock();
        try {
            blackholed = on;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean blackholed() {
        lock.lock();
        try {
            return blackholed;
        } finally {
            lock.unlock();
        }
    }

    void refuse(boolean on) {
        lock.lock();
        try {
            refusing = on;
        } finally {
            lock.unlock();
        }
    }

    boolean refusing() {
        lock.lock();
        try {
            return refusing;
        } finally {
            lock.unlock();
        }
    }

    /** Arms a cut of the next frame in {@code direction}; a cut armed before and not yet made is cancelled. */
    ArmedCut armCut(Direction direction) {
        ArmedCut cut = new ArmedCut(direction);
        ArmedCut replaced;
        lock.lock();
        try {
            replaced = armedCut;
            armedCut = cut;
        } finally {
            lock.unlock();
        }
        if (replaced != null) {
            replaced.done.cancel(false);
        }
        return cut;
    }

    /** Takes the armed cut if it applies to a frame starting now in {@code single}; null otherwise. */
    ArmedCut takeCut(Direction single) {
        lock.lock();
        try {
            ArmedCut cut = armedCut;
            if (cut != null && cut.direction.includes(single)) {
                armedCut = null;
                return cut;
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels the armed cut, if any. */
    void disarmCut() {
        ArmedCut cancelled;
        lock.lock();
        try {
            cancelled = armedCut;
            armedCut = null;
        } finally {
            lock.unlock();
        }
        if (cancelled != null) {
            cancelled.done.cancel(false);
        }
    }

    /** Lifts every fault: no stall, delay, blackhole or refusal; an armed cut is cancelled. */
    void clear() {
        ArmedCut cancelled;
        lock.lock();
        try {
            stalled[0] = false;
            stalled[1] = false;
            delayNanos[0] = 0;
            delayNanos[1] = 0;
            blackholed = false;
            refusing = false;
            cancelled = armedCut;
            armedCut = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (cancelled != null) {
            cancelled.done.cancel(false);
        }
    }

    /** Wakes every waiting pump, e.g. because a connection closed. */
    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while {@code single} is stalled or the proxy is a blackhole.
     *
     * @return true to forward now; false if {@code closed} became true (or the thread was interrupted) first
     */
    boolean awaitForwardable(Direction single, BooleanSupplier closed) {
        int i = single.index();
        lock.lock();
        try {
            while (!closed.getAsBoolean()) {
                if (!blackholed && !stalled[i]) {
                    return true;
                }
                long left = blackholed || !stallTimed[i] ? Long.MAX_VALUE : stallEndNanos[i] - System.nanoTime();
                if (left <= 0) {
                    stalled[i] = false; // a timed stall ends by itself
                    continue;
                }
                waitAtMost(left);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Holds a frame that started at {@code startNanos} until the delay of {@code single} has passed since then. The
     * delay is read again after every change, so lifting it releases held frames at once.
     *
     * @return true to forward now; false if {@code closed} became true (or the thread was interrupted) first
     */
    boolean awaitDelay(Direction single, long startNanos, BooleanSupplier closed) {
        int i = single.index();
        lock.lock();
        try {
            while (!closed.getAsBoolean()) {
                long left = startNanos + delayNanos[i] - System.nanoTime();
                if (delayNanos[i] == 0 || left <= 0) {
                    return true;
                }
                waitAtMost(left);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "stalled " + stalled[0] + "/" + stalled[1] + ", delay ms " + delayNanos[0] / 1_000_000 + "/"
                    + delayNanos[1] / 1_000_000 + ", blackholed " + blackholed + ", refusing " + refusing
                    + ", cut armed " + (armedCut == null ? "no" : armedCut.direction);
        } finally {
            lock.unlock();
        }
    }

    // called with lock held
    private void waitAtMost(long nanos) throws InterruptedException {
        if (nanos == Long.MAX_VALUE) {
            changed.await();
        } else {
            changed.awaitNanos(nanos);
        }
    }

    private static Direction[] singles(Direction direction) {
        return direction == Direction.BOTH
                ? new Direction[] {Direction.CLIENT_TO_BROKER, Direction.BROKER_TO_CLIENT}
                : new Direction[] {direction};
    }
}
