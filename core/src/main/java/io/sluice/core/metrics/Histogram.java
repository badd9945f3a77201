package io.sluice.core.metrics;

/**
 * A compact log-linear histogram for latency percentiles (p50/p99/p99.9), without a dependency:
 * values are bucketed by power of two, each power split into {@link #SUB_BUCKETS} linear
 * sub-buckets, so a reported percentile is within 1/{@value #SUB_BUCKETS} (about 6%) of the true
 * value. Values from 0 to 2^40 are tracked; larger ones land in the top bucket.
 *
 * <p>Windowed like the other statistics: {@code samples} histograms rotate every {@code windowMs},
 * and percentiles are taken over the live ones. Guarded by the sensor's lock.
 */
final class Histogram {

    static final int SUB_BUCKETS = 16;
    private static final int SUB_BITS = 4;
    private static final int POWERS = 41;
    private static final int BUCKETS = POWERS * SUB_BUCKETS;

    private final long windowMs;
    private final long[][] counts;
    private final long[] totals;
    private final long[] starts;
    private int current;

    Histogram(int samples, long windowMs) {
        this.windowMs = windowMs;
        this.counts = new long[samples][BUCKETS];
        this.totals = new long[samples];
        this.starts = new long[samples];
        java.util.Arrays.fill(starts, Long.MIN_VALUE);
    }

    void record(long value, long nowMs) {
        if (starts[current] == Long.MIN_VALUE) {
            starts[current] = nowMs;
        } else if (nowMs - starts[current] >= windowMs) {
            current = (current + 1) % counts.length;
            java.util.Arrays.fill(counts[current], 0L);
            totals[current] = 0;
            starts[current] = nowMs;
        }
        counts[current][bucketOf(Math.max(0, value))]++;
        totals[current]++;
    }

    /** The value at {@code quantile} (0..1) over the live window, or NaN if nothing was recorded. */
    double percentile(double quantile, long nowMs) {
        long expireAge = counts.length * windowMs;
        long total = 0;
        for (int s = 0; s < counts.length; s++) {
            if (starts[s] != Long.MIN_VALUE && nowMs - starts[s] < expireAge) {
                total += totals[s];
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            for (int s = 0; s < counts.length; s++) {
                if (starts[s] != Long.MIN_VALUE && nowMs - starts[s] < expireAge) {
                    seen += counts[s][b];
                }
            }
            if (seen >= rank) {
                return upperBoundOf(b);
            }
        }
        return upperBoundOf(BUCKETS - 1);
    }

    static int bucketOf(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value; // exact for small values
        }
        int power = 63 - Long.numberOfLeadingZeros(value); // >= SUB_BITS
        if (power >= POWERS + SUB_BITS - 1) {
            return BUCKETS - 1;
        }
        int sub = (int) ((value >>> (power - SUB_BITS)) & (SUB_BUCKETS - 1));
        return (power - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    /** The largest value that lands in bucket {@code b}. */
    static long upperBoundOf(int b) {
        if (b < SUB_BUCKETS) {
            return b;
        }
        int power = b / SUB_BUCKETS + SUB_BITS - 1;
        int sub = b % SUB_BUCKETS;
        long base = (long) (SUB_BUCKETS + sub) << (power - SUB_BITS);
        return base + (1L << (power - SUB_BITS)) - 1;
    }
}
