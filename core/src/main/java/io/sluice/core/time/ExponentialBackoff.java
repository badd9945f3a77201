package io.sluice.core.time;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Kafka's exponential backoff with jitter (KIP-580, KIP-601): {@code initial * 2^attempts}, capped at
 * {@code max}, then spread by ±{@code jitter} so that many clients do not retry in lockstep.
 * Immutable; thread-safe if its random source is.
 */
public final class ExponentialBackoff {

    /** Kafka's jitter for retry and reconnect backoff. */
    public static final double DEFAULT_JITTER = 0.2;

    private final long initialMs;
    private final long maxMs;
    private final double jitter;
    private final double expMax;
    private final DoubleSupplier random;

    public ExponentialBackoff(long initialMs, long maxMs, double jitter, DoubleSupplier random) {
        this.initialMs = Math.max(0, initialMs);
        this.maxMs = Math.max(this.initialMs, maxMs);
        this.jitter = jitter;
        this.expMax = this.initialMs > 0 ? Math.log(this.maxMs / (double) this.initialMs) / Math.log(2) : 0;
        this.random = random;
    }

    public ExponentialBackoff(long initialMs, long maxMs) {
        this(initialMs, maxMs, DEFAULT_JITTER, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait before attempt {@code attempts + 1} (0 = first retry). */
    public long backoff(long attempts) {
        if (initialMs == 0) {
            return 0;
        }
        double exp = Math.min(attempts, expMax);
        double term = initialMs * Math.pow(2, exp);
        double randomFactor = jitter < Double.MIN_NORMAL ? 1.0 : 1.0 + jitter * (2 * random.getAsDouble() - 1);
        long value = (long) (randomFactor * term);
        return Math.min(value, (long) (maxMs * (1 + jitter)));
    }
}
