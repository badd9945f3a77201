package io.sluice.core.metrics;

/**
 * A statistic over a sliding window made of {@code metrics.num.samples} samples of
 * {@code metrics.sample.window.ms} each, as Apache Kafka's {@code SampledStat}: old samples are
 * reset when time moves past them, so values reflect recent activity. Guarded by the sensor's lock.
 */
abstract class SampledStat implements Stat {

    private final long windowMs;
    private final double initial;
    private final double[] values;
    private final long[] counts;
    private final long[] starts;
    private int current;

    SampledStat(int samples, long windowMs, double initial) {
        this.windowMs = windowMs;
        this.values = new double[samples];
        this.counts = new long[samples];
        this.starts = new long[samples];
        for (int i = 0; i < samples; i++) {
            values[i] = initial;
            starts[i] = Long.MIN_VALUE;
        }
        this.initial = initial;
    }

    @Override
    public final void record(double value, long nowMs) {
        if (starts[current] == Long.MIN_VALUE) {
            starts[current] = nowMs;
        } else if (nowMs - starts[current] >= windowMs) {
            current = (current + 1) % values.length;
            values[current] = initial;
            counts[current] = 0;
            starts[current] = nowMs;
        }
        values[current] = combine(values[current], value);
        counts[current]++;
    }

    @Override
    public final double measure(long nowMs) {
        purgeObsolete(nowMs);
        return combineSamples(values, counts, nowMs);
    }

    /** Folds a value into a sample. */
    abstract double combine(double sample, double value);

    /** Folds the live samples into the metric value. */
    abstract double combineSamples(double[] sampleValues, long[] sampleCounts, long nowMs);

    /** The time the live samples cover, at least {@code (samples - 1)} windows (Kafka's rate rule). */
    final long elapsedMs(long nowMs) {
        long oldest = Long.MAX_VALUE;
        for (long s : starts) {
            if (s != Long.MIN_VALUE) {
                oldest = Math.min(oldest, s);
            }
        }
        long elapsed = oldest == Long.MAX_VALUE ? 0 : nowMs - oldest;
        return Math.max(elapsed, (values.length - 1) * windowMs);
    }

    private void purgeObsolete(long nowMs) {
        long expireAge = values.length * windowMs;
        for (int i = 0; i < values.length; i++) {
            if (starts[i] != Long.MIN_VALUE && nowMs - starts[i] >= expireAge) {
                values[i] = initial;
                counts[i] = 0;
                starts[i] = Long.MIN_VALUE;
            }
        }
    }

    /** Average of recorded values in the window; NaN if none. */
    static final class Avg extends SampledStat {
        Avg(int samples, long windowMs) {
            super(samples, windowMs, 0.0);
        }

        @Override
        double combine(double sample, double value) {
            return sample + value;
        }

        @Override
        double combineSamples(double[] v, long[] c, long nowMs) {
            double total = 0;
            long count = 0;
            for (int i = 0; i < v.length; i++) {
                total += v[i];
                count += c[i];
            }
            return count == 0 ? Double.NaN : total / count;
        }
    }

    /** Maximum of recorded values in the window; NaN if none. */
    static final class Max extends SampledStat {
        Max(int samples, long windowMs) {
            super(samples, windowMs, Double.NEGATIVE_INFINITY);
        }

        @Override
        double combine(double sample, double value) {
            return Math.max(sample, value);
        }

        @Override
        double combineSamples(double[] v, long[] c, long nowMs) {
            double max = Double.NEGATIVE_INFINITY;
            long count = 0;
            for (int i = 0; i < v.length; i++) {
                max = Math.max(max, v[i]);
                count += c[i];
            }
            return count == 0 ? Double.NaN : max;
        }
    }

    /** Sum of recorded values per second over the window (Kafka's {@code Rate}). */
    static final class Rate extends SampledStat {
        Rate(int samples, long windowMs) {
            super(samples, windowMs, 0.0);
        }

        @Override
        double combine(double sample, double value) {
            return sample + value;
        }

        @Override
        double combineSamples(double[] v, long[] c, long nowMs) {
            double total = 0;
            for (double x : v) {
                total += x;
            }
            long elapsed = elapsedMs(nowMs);
            return elapsed <= 0 ? 0.0 : total / (elapsed / 1000.0);
        }
    }
}
