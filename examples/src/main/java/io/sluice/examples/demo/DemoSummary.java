package io.sluice.examples.demo;

import io.sluice.examples.workload.ProducerFigures;
import io.sluice.examples.workload.RunStats;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The demo's summary: one labelled line per figure, in a fixed layout that {@code DemoTest} parses. Latency
 * percentiles are per record (send to acknowledgement, measured by the demo); batches, bytes, compression and
 * requests come from the producer's metrics. Stateless.
 */
final class DemoSummary {

    private DemoSummary() {
    }

    static void print(PrintStream out, DemoOptions options, long sent, RunStats stats, double seconds,
                      ProducerFigures figures, String explanation) {
        double userBytes = stats.acknowledgedBytes();
        out.println();
        out.println("Summary");
        line(out, "records", "%d sent, %d acknowledged, %d failed (asked for %d)", sent, stats.acknowledged(),
                stats.failed(), options.numRecords());
        line(out, "data", "%.1f MB of keys and values (%d-byte values), %.1f MB in batches on the wire",
                userBytes / 1e6, options.recordSize(), figures.wireBytes() / 1e6);
        line(out, "throughput", "%.0f records/s, %.1f MB/s over %.2f s",
                stats.acknowledged() / seconds, userBytes / 1e6 / seconds, seconds);
        line(out, "latency", "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (send to acknowledgement, per record)",
                stats.latencyMs(50), stats.latencyMs(99), stats.latencyMs(99.9), stats.maxLatencyMs());
        if (options.throughput() <= 0 && stats.latencyMs(50) > 10 * Math.max(1, figures.requestLatencyP50())) {
            line(out, "", "(sent as fast as the producer took them, so most of this is time queued in buffer.memory; "
                    + "--throughput N shows the latency at N records/s)");
        }
        line(out, "batches", "%.0f, average %.0f bytes, %.1f records per batch", figures.batches(),
                figures.averageBatchBytes(), figures.recordsPerBatch());
        line(out, "compression", "%s, ratio %.3f (compressed / uncompressed batch size, compression-rate-avg)",
                options.compressionType(), figures.compressionRate());
        line(out, "requests", "%.0f produce requests, %.1f records per request, request latency p50 %.1f ms, "
                        + "p99 %.1f ms, p99.9 %.1f ms", figures.requests(), figures.recordsPerRequestTotal(),
                figures.requestLatencyP50(), figures.requestLatencyP99(), figures.requestLatencyP999());
        out.println();
        out.println("Tuning: " + explanation);
        out.flush();
    }

    private static void line(PrintStream out, String label, String format, Object... args) {
        out.println(String.format(Locale.ROOT, "  %-12s %s", label, String.format(Locale.ROOT, format, args)));
    }
}
