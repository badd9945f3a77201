package io.sluice.examples.tune;

import io.sluice.api.Producer;
import io.sluice.core.Producers;
import io.sluice.examples.workload.DemoRecords;
import io.sluice.examples.workload.ProducerFigures;
import io.sluice.examples.workload.RunStats;
import io.sluice.examples.workload.SendLoop;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the sweep: a warm-up run (not measured), then the same workload once per setting, each with a producer of
 * its own, one after another so that they do not compete. Used by one thread; each producer's sender thread runs
 * its callbacks into that run's {@link RunStats}.
 */
public final class TuneSweep {

    private final TuneOptions options;
    private final PrintStream out;

    public TuneSweep(TuneOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * @return one result per setting, in the order of {@link TuneOptions#settings()}
     * @throws IllegalStateException if a run had failures (the message names the setting and the first failure)
     * @throws io.sluice.api.errors.ConfigException if a setting makes an invalid producer configuration
     */
    public List<TuneResult> run() {
        List<TuneSetting> settings = options.settings();
        if (options.warmupRecords() > 0) {
            out.println("warm-up: " + options.warmupRecords() + " records with " + settings.get(0).label(true) + " (not measured)");
            measure(settings.get(0), options.warmupRecords());
        }
        List<TuneResult> results = new ArrayList<>();
        boolean showCodec = options.compressionTypes().size() > 1;
        for (int i = 0; i < settings.size(); i++) {
            TuneResult r = measure(settings.get(i), options.numRecords());
            results.add(r);
            out.println(String.format(Locale.ROOT, "[%d/%d] batch.size=%d linger.ms=%d compression.type=%s: %.0f records/s "
                            + "(%.1f MB/s), p50 %.1f ms, p99 %.1f ms, %.0f bytes per batch, %.1f records per request",
                    i + 1, settings.size(), r.setting().batchSize(), r.setting().lingerMs(), r.setting().compressionType(),
                    r.recordsPerSecond(), r.megabytesPerSecond(), r.p50Ms(), r.p99Ms(), r.averageBatchBytes(),
                    r.recordsPerRequest()));
            out.flush();
        }
        return results;
    }

    private TuneResult measure(TuneSetting setting, long records) {
        RunStats stats = new RunStats();
        long start = System.nanoTime();
        ProducerFigures figures;
        try (Producer<byte[], byte[]> producer = Producers.create(config(setting))) {
            new SendLoop(producer, options.topic(), new DemoRecords(options.recordSize()))
                    .throughput(options.throughput()).run(records, stats, sent -> { });
            figures = ProducerFigures.of(producer.metrics(), options.topic());
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        if (stats.failed() > 0) {
            throw new IllegalStateException("The run with " + setting.label(true) + " failed: " + stats.failed()
                    + " records failed, " + stats.acknowledged() + " acknowledged; the first failure: " + stats.firstFailure()
                    + ". Check that the cluster at " + options.bootstrapServers() + " is reachable (--bootstrap-server).");
        }
        return new TuneResult(setting, stats.acknowledged(), stats.failed(), seconds, stats.acknowledged() / seconds,
                stats.acknowledgedBytes() / 1e6 / seconds, stats.latencyMs(50), stats.latencyMs(99), stats.maxLatencyMs(),
                figures.averageBatchBytes(), figures.recordsPerRequestTotal(), figures.compressionRate());
    }

    private Map<String, Object> config(TuneSetting setting) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", options.bootstrapServers());
        config.put("client.id", "sluice-tune");
        config.put("max.block.ms", "30000");
        config.putAll(options.producerProperties());
        config.put("batch.size", Integer.toString(setting.batchSize()));
        config.put("linger.ms", Long.toString(setting.lingerMs()));
        config.put("compression.type", setting.compressionType());
        config.put("key.serializer", "bytearray");
        config.put("value.serializer", "bytearray");
        return config;
    }
}
