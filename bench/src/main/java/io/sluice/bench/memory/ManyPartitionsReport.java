package io.sluice.bench.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The many-partitions benchmark's results: one Markdown table row and one CSV line per run, plus each run's
 * producer metrics at the end. Written to {@code many-partitions.md} and {@code many-partitions.csv}. Owned by the
 * main thread.
 */
final class ManyPartitionsReport {

    private final long measuredSeconds;
    private final long warmupSeconds;
    private final String batchSize;
    private final int partitions;
    private final StringBuilder md = new StringBuilder();
    private final List<String> csv = new ArrayList<>(List.of("round,producer,rate,linger_ms,batch_size,partitions,samples,"
            + "mean_buffered_bytes,max_buffered_bytes,mean_held_bytes,max_held_bytes,records_per_s,bufferpool_wait_ratio,"
            + "failed,process_cpu_cores"));
    private final List<String> diagnostics = new ArrayList<>();

    ManyPartitionsReport(int partitions, int keys, int valueSize, String batchSize, long measuredSeconds, long warmupSeconds) {
        this.partitions = partitions;
        this.batchSize = batchSize;
        this.measuredSeconds = measuredSeconds;
        this.warmupSeconds = warmupSeconds;
        md.append(String.format(Locale.ROOT, "Topic with %d partitions, keys from %d distinct values (murmur2 spreads them over "
                + "every partition), %d-byte values, acks=1, no compression, batch.size=%s, buffer.memory=33554432 (default); "
                + "%d s measured after %d s warm-up, sampled every %d ms. Buffered = key and value bytes of records sent and not "
                + "yet completed; held = buffer-total-bytes - buffer-available-bytes.%n%n", partitions, keys, valueSize,
                batchSize, measuredSeconds, warmupSeconds, PacedRun.SAMPLE_MS));
        md.append("| round | producer | rate rec/s | linger.ms | buffered KB mean (max) | held KB mean (max) | held / buffered "
                + "(means) | achieved rec/s | pool wait ratio | failed | JVM CPU (cores) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
    }

    void add(int round, String producer, int rate, String linger, PacedRun.Result r) {
        double cores = r.cpuSeconds() / (measuredSeconds + warmupSeconds);
        csv.add(String.format(Locale.ROOT, "%d,\"%s\",%d,%s,%s,%d,%d,%.0f,%d,%.0f,%d,%.0f,%.4f,%d,%.3f", round, producer, rate,
                linger, batchSize, partitions, r.samples(), r.meanBufferedBytes(), r.maxBufferedBytes(), r.meanHeldBytes(),
                r.maxHeldBytes(), r.recordsPerSecond(), r.bufferWaitRatio(), r.failed(), cores));
        md.append(String.format(Locale.ROOT, "| %d | %s | %,d | %s | %,.0f (%,d) | %,.0f (%,d) | %.1f× | %,.0f | %.3f | %d | %.2f |%n",
                round, producer, rate, linger, r.meanBufferedBytes() / 1024, r.maxBufferedBytes() / 1024,
                r.meanHeldBytes() / 1024, r.maxHeldBytes() / 1024, r.meanHeldBytes() / Math.max(1, r.meanBufferedBytes()),
                r.recordsPerSecond(), r.bufferWaitRatio(), r.failed(), cores));
        diagnostics.add(String.format(Locale.ROOT, "round %d, %s, %d rec/s, linger.ms=%s: %s", round, producer, rate, linger,
                r.diagnostics()));
    }

    void write(Path dir) throws IOException {
        StringBuilder all = new StringBuilder(md).append("\nEach run's producer metrics (Kafka's names) at the end of its sending:\n\n");
        diagnostics.forEach(d -> all.append("- ").append(d).append('\n'));
        Files.write(dir.resolve("many-partitions.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("many-partitions.md"), all, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(all);
    }
}
