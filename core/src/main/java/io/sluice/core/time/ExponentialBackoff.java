package io.sluice.core.time;

import java.util.Objects;
import java.util.Random;

/**
 * An exponential backoff with jitter, with the formula of Kafka's {@code ExponentialBackoff}:
 * {@code backoff(attempts) = random(1 - jitter, 1 + jitter) * initial * multiplier^attempts}, the
 * exponent capped where the term reaches {@code max}, and the result never above {@code max}. If
 * {@code max <= initial} the backoff is constantly {@code max}. Used for reconnects
 * ({@code reconnect.backoff.ms}), connection set-up timeouts and metadata refresh retries.
 *
 * <p>Immutable; thread-safe if its {@link Random} is (a {@code java.util.Random} is). Tests pass a
 * seeded or scripted {@code Random} to pin the jitter.
 */
public final class ExponentialBackoff {

    /** Kafka's jitter for reconnects, set-up timeouts and retries: ±20%. */
    public static final double DEFAULT_JITTER = 0.2;
    /** Kafka's base for all its exponential backoffs. */
    public static final int DEFAULT_MULTIPLIER = 2;

    private final long initialMs;
    private final int multiplier;
    private final long maxMs;
    private final double jitter;
    private final double maxExponent;
    private final Random random;

    /**
     * @param initialMs  the first backoff (attempts = 0) before jitter
     * @param multiplier the growth factor per attempt, at least 2
     * @param maxMs      the ceiling
     * @param jitter     the relative jitter in [0, 1]
     * @param random     the source of jitter
     */
    public ExponentialBackoff(long initialMs, int multiplier, long maxMs, double jitter, Random random) {
        if (initialMs < 0 || maxMs < 0) {
            throw new IllegalArgumentException("Backoff times must be >= 0, got initial=" + initialMs + " max=" + maxMs);
        }
        if (multiplier < 2) {
            throw new IllegalArgumentException("Backoff multiplier must be >= 2, got " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("Backoff jitter must be within [0, 1], got " + jitter);
        }
        this.initialMs = Math.min(initialMs, maxMs);
        this.multiplier = multiplier;
        this.maxMs = maxMs;
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
        this.maxExponent = maxMs > this.initialMs
                ? Math.log(maxMs / (double) Math.max(this.initialMs, 1)) / Math.log(multiplier)
                : 0;
    }

    /** Kafka's shape: doubling, ±20% jitter. */
    public static ExponentialBackoff doubling(long initialMs, long maxMs, Random random) {
        return new ExponentialBackoff(initialMs, DEFAULT_MULTIPLIER, maxMs, DEFAULT_JITTER, random);
    }

    /** The backoff after {@code attempts} failures (0 for the first wait). */
    public long backoff(long attempts) {
        if (maxExponent == 0) {
            return initialMs;
        }
        double exponent = Math.min(Math.max(attempts, 0), maxExponent);
        double term = initialMs * Math.pow(multiplier, exponent);
        double factor = jitter < Double.MIN_NORMAL ? 1.0 : 1 - jitter + 2 * jitter * random.nextDouble();
        return Math.min((long) (factor * term), maxMs);
    }

    public long initialMs() {
        return initialMs;
    }

    public long maxMs() {
        return maxMs;
    }

    @Override
    public String toString() {
        return "ExponentialBackoff{initial=" + initialMs + "ms, x" + multiplier + ", max=" + maxMs + "ms, jitter=" + jitter + "}";
    }
}
