package io.sluice.examples.perf;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Counts acknowledged records and their latency, prints Kafka's progress line every reporting interval
 * and, at the end, Kafka's summary line followed by a line of HdrHistogram percentiles at microsecond
 * precision. The formats are those of Kafka 4.4's {@code kafka-producer-perf-test}, so scripts that parse
 * Kafka's output parse this one:
 * <pre>
 * 2815410 records sent, 563082.0 records/sec (53.70 MB/sec), 2.4 ms avg latency, 38.0 ms max latency.
 * 5000000 records sent, 571037.002856 records/sec (54.46 MB/sec), 2.41 ms avg latency, 38.00 ms max latency, 2 ms 50th, 4 ms 95th, 9 ms 99th, 31 ms 99.9th.
 * 5000000 records latency percentiles: 2.139 ms 50th, 4.067 ms 95th, 9.351 ms 99th, 31.327 ms 99.9th, 38.011 ms max (HdrHistogram, microsecond resolution).
 * </pre>
 * Kafka measures whole milliseconds and takes its percentiles from a sample of at most 500,000 latencies;
 * this tool measures every record in nanoseconds and keeps microseconds, and the whole-millisecond
 * percentiles of the summary line are the histogram's, rounded down.
 *
 * <p>Written by the producer's sender thread only (callbacks run there); read by the main thread after
 * every record has completed, which the completion slots' volatile flags order before the read.
 */
final class PerfStats {

    private static final double MIB = 1024.0 * 1024.0;

    private final boolean steadyState;
    private final long reportingIntervalNanos;
    private final PrintStream out;
    private final LatencyHistogram histogram = new LatencyHistogram();

    private long startNanos;
    private boolean printing = true;
    private boolean announcedSteadyState;
    private long count;
    private long bytes;
    private long totalLatencyMicros;
    private long maxLatencyMicros;
    private long windowStartNanos;
    private long windowCount;
    private long windowBytes;
    private long windowLatencyMicros;
    private long windowMaxMicros;

    /** @param steadyState true for the stats after {@code --warmup-records}, whose lines say "steady state" */
    PerfStats(boolean steadyState, long reportingIntervalMs, PrintStream out) {
        this.steadyState = steadyState;
        this.reportingIntervalNanos = reportingIntervalMs * 1_000_000L;
        this.out = out;
    }

    /** Starts the clock; called by the sending thread before the first record these stats count. */
    void start(long nowNanos) {
        startNanos = nowNanos;
        windowStartNanos = nowNanos;
    }

    /** After the warm-up the whole-run stats stop printing progress; the steady-state stats take over. */
    void stopPrinting() {
        printing = false;
    }

    void record(long latencyNanos, int recordBytes, long nowNanos) {
        long micros = latencyNanos / 1000;
        count++;
        bytes += recordBytes;
        totalLatencyMicros += micros;
        maxLatencyMicros = Math.max(maxLatencyMicros, micros);
        windowCount++;
        windowBytes += recordBytes;
        windowLatencyMicros += micros;
        windowMaxMicros = Math.max(windowMaxMicros, micros);
        histogram.record(micros);
        if (nowNanos - windowStartNanos >= reportingIntervalNanos) {
            if (steadyState && !announcedSteadyState) {
                out.println("In steady state.");
                announcedSteadyState = true;
            }
            if (printing) {
                printWindow(nowNanos);
            }
            windowStartNanos = nowNanos;
            windowCount = 0;
            windowBytes = 0;
            windowLatencyMicros = 0;
            windowMaxMicros = 0;
        }
    }

    long count() {
        return count;
    }

    private void printWindow(long nowNanos) {
        double elapsedMs = (nowNanos - windowStartNanos) / 1e6;
        out.println(String.format(Locale.ROOT,
                "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.",
                windowCount, 1000.0 * windowCount / elapsedMs, 1000.0 * windowBytes / elapsedMs / MIB,
                windowLatencyMicros / 1000.0 / windowCount, windowMaxMicros / 1000.0));
    }

    /** Kafka's summary line, then the percentile line. */
    void printTotal(long nowNanos) {
        double elapsedMs = Math.max(1e-3, (nowNanos - startNanos) / 1e6);
        String label = steadyState ? " steady state" : "";
        out.println(String.format(Locale.ROOT,
                "%d%s records sent, %f records/sec (%.2f MB/sec), %.2f ms avg latency, %.2f ms max latency, "
                        + "%d ms 50th, %d ms 95th, %d ms 99th, %d ms 99.9th.",
                count, label, 1000.0 * count / elapsedMs, 1000.0 * bytes / elapsedMs / MIB,
                count == 0 ? 0.0 : totalLatencyMicros / 1000.0 / count, maxLatencyMicros / 1000.0,
                histogram.valueAtPercentile(50) / 1000, histogram.valueAtPercentile(95) / 1000,
                histogram.valueAtPercentile(99) / 1000, histogram.valueAtPercentile(99.9) / 1000));
        out.println(String.format(Locale.ROOT,
                "%d%s records latency percentiles: %.3f ms 50th, %.3f ms 95th, %.3f ms 99th, %.3f ms 99.9th, "
                        + "%.3f ms max (HdrHistogram, microsecond resolution).",
                count, label, histogram.valueAtPercentile(50) / 1000.0, histogram.valueAtPercentile(95) / 1000.0,
                histogram.valueAtPercentile(99) / 1000.0, histogram.valueAtPercentile(99.9) / 1000.0,
                maxLatencyMicros / 1000.0));
    }
}
