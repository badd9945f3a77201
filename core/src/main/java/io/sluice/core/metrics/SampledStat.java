package io.sluice.core.metrics;

import java.util.concurrent.TimeUnit;

/**
 * A statistic over a sliding window made of {@code metrics.num.samples} samples of
 * {@code metrics.sample.window.ms} each, with Apache Kafka's {@code SampledStat} rules, so that a
 * value read here matches what the official client reports for the same events:
 * <ul>
 *   <li>a sample is complete once it is {@code windowMs} old; the next record starts a new one,
 *       reusing the oldest slot (one slot more than {@code samples} is kept, for the sample that
 *       overlaps the start of the window);</li>
 *   <li>a sample whose last event is {@code samples × windowMs} old is reset when read, so values
 *       reflect recent activity.</li>
 * </ul>
 * Guarded by the sensor's lock.
 */
abstract class SampledStat implements Stat {

    private final long windowMs;
    private final int samples;
    private final double initial;
    /** Slot i is live when {@code i < used}; slots are created on demand as in Kafka. */
    private final double[] values;
    private final long[] counts;
    private final long[] starts;
    private final long[] lastEvents;
    private int used;
    private int current;

    SampledStat(int samples, long windowMs, double initial) {
        if (samples < 1 || windowMs < 1) {
            throw new IllegalArgumentException("metrics.num.samples must be >= 1 and metrics.sample.window.ms >= 1, got "
                    + samples + " and " + windowMs);
        }
        this.samples = samples;
        this.windowMs = windowMs;
        this.initial = initial;
        int slots = samples + 1;
        this.values = new double[slots];
        this.counts = new long[slots];
        this.starts = new long[slots];
        this.lastEvents = new long[slots];
    }

    @Override
    public final void record(double value, long nowMs) {
        int s = currentSlot(nowMs);
        if (nowMs - starts[s] >= windowMs) {
            s = advance(nowMs);
        }
        values[s] = combine(values[s], value);
        counts[s]++;
        lastEvents[s] = nowMs;
    }

    @Override
    public final double measure(long nowMs) {
        purgeObsolete(nowMs);
        double[] v = new double[used];
        long[] c = new long[used];
        System.arraycopy(values, 0, v, 0, used);
        System.arraycopy(counts, 0, c, 0, used);
        return combineSamples(v, c, nowMs);
    }

    /** Folds a value into a sample. */
    abstract double combine(double sample, double value);

    /** Folds the live samples into the metric value. */
    abstract double combineSamples(double[] sampleValues, long[] sampleCounts, long nowMs);

    /**
     * Kafka's {@code Rate.windowSize}: the time since the oldest sample started, plus the full
     * windows missing to {@code samples - 1}, so that a rate read one second into a fresh window
     * is not inflated; at least 1 ms.
     */
    final long windowSizeMs(long nowMs) {
        purgeObsolete(nowMs);
        long oldest = nowMs;
        for (int i = 0; i < used; i++) {
            oldest = Math.min(oldest, starts[i]);
        }
        long elapsed = nowMs - oldest;
        long fullWindows = elapsed / windowMs;
        long minFullWindows = samples - 1L;
        if (fullWindows < minFullWindows) {
            elapsed += (minFullWindows - fullWindows) * windowMs;
        }
        return Math.max(elapsed, 1);
    }

    private int currentSlot(long nowMs) {
        if (used == 0) {
            reset(0, nowMs);
            used = 1;
        }
        return current;
    }

    private int advance(long nowMs) {
        current = (current + 1) % values.length;
        if (current >= used) {
            used = current + 1;
        }
        reset(current, nowMs);
        return current;
    }

    private void purgeObsolete(long nowMs) {
        long expireAge = samples * windowMs;
        for (int i = 0; i < used; i++) {
            if (nowMs - lastEvents[i] >= expireAge) {
                reset(i, nowMs);
            }
        }
    }

    private void reset(int slot, long nowMs) {
        values[slot] = initial;
        counts[slot] = 0;
        starts[slot] = nowMs;
        lastEvents[slot] = nowMs;
    }

    /** Average of recorded values in the window; NaN if none (Kafka's {@code Avg}). */
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

    /** Maximum of recorded values in the window; NaN if none (Kafka's {@code Max}). */
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

    /**
     * Sum of recorded values per unit of elapsed time (Kafka's {@code Rate} over a windowed sum):
     * per second for {@code *-rate} metrics; per nanosecond for a ratio of time, when the recorded
     * values are nanoseconds ({@code bufferpool-wait-ratio}).
     */
    static final class Rate extends SampledStat {
        private final double unitsPerMs;

        Rate(int samples, long windowMs, TimeUnit unit) {
            super(samples, windowMs, 0.0);
            this.unitsPerMs = (double) unit.convert(1_000_000L, TimeUnit.MILLISECONDS) / 1_000_000L;
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
            return total / (windowSizeMs(nowMs) * unitsPerMs);
        }
    }
}
