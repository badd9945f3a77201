package io.sluice.examples.perf;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Record latencies in microseconds, three significant digits, from 1 µs to one hour (longer values count as
 * one hour), in an HdrHistogram: fixed arrays, so recording allocates nothing. The only class that touches
 * HdrHistogram, which {@code io.sluice.examples} requires only statically (see {@link #checkAvailable()}).
 * Owned by the thread that records (the producer's sender thread, which runs the callbacks).
 */
final class LatencyHistogram {

    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    void record(long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    /** @param percentile 0..100 */
    long valueAtPercentile(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
    }

    /**
     * HdrHistogram is an automatic module ({@code HdrHistogram}, its name derived from the jar's file name).
     * {@code io.sluice.examples} says {@code requires static HdrHistogram}, so a {@code jlink} image of the other
     * examples need not carry it (jlink refuses automatic modules); the perf tool therefore needs it resolved
     * explicitly on the module path ({@code --add-modules HdrHistogram}, as {@code bin/sluice-producer-perf-test}
     * does). On the class path it is simply there.
     *
     * @throws IllegalStateException saying how to add it, if it is not readable
     */
    static void checkAvailable() {
        try {
            Class.forName("org.HdrHistogram.Histogram", false, LatencyHistogram.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            boolean modular = LatencyHistogram.class.getModule().isNamed();
            throw new IllegalStateException("The perf tool needs HdrHistogram (org.hdrhistogram:HdrHistogram 2.2.x) "
                    + "for its latency percentiles, and it is not " + (modular
                    ? "resolved: put HdrHistogram-2.2.2.jar on the module path and add --add-modules HdrHistogram "
                    + "(io.sluice.examples requires it only statically)"
                    : "on the class path: add HdrHistogram-2.2.2.jar"), e);
        }
    }
}
