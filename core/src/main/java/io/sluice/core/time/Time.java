package io.sluice.core.time;

/**
 * The producer's clock. Every class that reads time takes one, so tests step a {@code ManualTime}
 * instead of sleeping. Implementations are thread-safe.
 */
public interface Time {

    /** Wall-clock milliseconds since the epoch (record timestamps). */
    long milliseconds();

    /** A monotonic clock in nanoseconds (deadlines, latencies). */
    long nanoseconds();

    /** Monotonic milliseconds, derived from {@link #nanoseconds()}: for deadlines and timeouts. */
    default long monotonicMs() {
        return nanoseconds() / 1_000_000L;
    }

    /** The system clock. */
    Time SYSTEM = new Time() {
        @Override
        public long milliseconds() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoseconds() {
            return System.nanoTime();
        }
    };
}
