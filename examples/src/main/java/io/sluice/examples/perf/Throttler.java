package io.sluice.examples.perf;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a sending loop to about {@code target} records per second, the way Kafka's perf tool does
 * (its {@code ThroughputThrottler}): after each record, if the average rate since the start is above the
 * target, one record's worth of time ({@code 1 s / target}) is added to a sleep debt, and the debt is slept
 * off once it reaches 2 ms (sleeping in smaller steps is too coarse for the OS). A negative target never
 * throttles. Owned by the sending thread.
 */
final class Throttler {

    private static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final double target;
    private final long startNanos;
    private final long sleepPerRecordNanos;
    private long sleepDebtNanos;

    Throttler(double target, long startNanos) {
        if (target == 0) {
            throw new IllegalArgumentException("target 0 records/s would never send; use a positive rate or -1");
        }
        this.target = target;
        this.startNanos = startNanos;
        this.sleepPerRecordNanos = target > 0 ? (long) (1e9 / target) : 0;
    }

    /** @param sentSoFar records sent before the current one (Kafka passes the loop index) */
    boolean shouldThrottle(long sentSoFar, long nowNanos) {
        if (target < 0) {
            return false;
        }
        double elapsedSeconds = (nowNanos - startNanos) / 1e9;
        return elapsedSeconds > 0 && sentSoFar / elapsedSeconds > target;
    }

    /** Adds one record's worth of sleep and sleeps the debt off once it is at least 2 ms. */
    void throttle() {
        sleepDebtNanos += sleepPerRecordNanos;
        if (sleepDebtNanos < MIN_SLEEP_NANOS) {
            return;
        }
        long start = System.nanoTime();
        long remaining = sleepDebtNanos;
        while (remaining > 0) {
            LockSupport.parkNanos(remaining);
            remaining = sleepDebtNanos - (System.nanoTime() - start);
        }
        sleepDebtNanos = 0;
    }
}
