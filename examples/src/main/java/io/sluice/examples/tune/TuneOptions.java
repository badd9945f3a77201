package io.sluice.examples.tune;

import static io.sluice.examples.workload.CommandLineValues.value;
import static io.sluice.examples.workload.CommandLineValues.numbers;
import static io.sluice.examples.workload.CommandLineValues.putProducerProperty;

import io.sluice.examples.workload.DemoRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tuner's command line ({@code bin/sluice-tune} passes its options on).
 *
 * @param bootstrapServers   the cluster
 * @param topic              where the records go
 * @param batchSizes         {@code batch.size} values to try
 * @param lingerMs           {@code linger.ms} values to try
 * @param compressionTypes   {@code compression.type} values to try
 * @param numRecords         records per setting
 * @param recordSize         bytes per value
 * @param warmupRecords      records sent once before the sweep, not measured (JIT, connections)
 * @param throughput         records/s to aim at, or -1 for as fast as possible
 * @param output             the HTML report
 * @param producerProperties {@code --producer-property k=v}, for every setting
 */
public record TuneOptions(String bootstrapServers, String topic, List<Integer> batchSizes, List<Long> lingerMs,
                          List<String> compressionTypes, long numRecords, int recordSize, long warmupRecords,
                          double throughput, Path output, Map<String, String> producerProperties) {

    public static final String USAGE = String.join("\n",
            "usage: sluice-tune [--bootstrap-server HOST:PORT] [--topic TOPIC] [--batch-sizes 16384,65536,262144]",
            "                   [--linger-ms 0,5,20] [--compression-types lz4[,zstd,...]] [--num-records N per setting]",
            "                   [--record-size BYTES] [--warmup-records N] [--throughput RECORDS/S] [--output FILE.html]",
            "                   [--producer-property KEY=VALUE ...]",
            "",
            "Runs the same workload (default 200000 records of 100 bytes per setting, half keyed, after as many",
            "unmeasured warm-up records) once for every batch.size x linger.ms (x compression.type), measures throughput",
            "and each record's send-to-acknowledgement latency, and writes one self-contained HTML page: a chart of",
            "throughput against p99 latency, a table, and what the trade-off means. --throughput holds every run to",
            "that rate (default: as fast as possible).",
            "Without --bootstrap-server bin/sluice-tune starts a local Kafka 4.4 broker and stops it afterwards.");

    /**
     * @throws IllegalArgumentException naming the option at fault
     */
    public static TuneOptions parse(String... args) {
        String bootstrap = null;
        String topic = "sluice-tune";
        List<Integer> batchSizes = List.of(16384, 65536, 262144);
        List<Long> linger = List.of(0L, 5L, 20L);
        List<String> compression = List.of("lz4");
        long numRecords = 200_000;
        int recordSize = 100;
        Long warmup = null;
        double throughput = -1;
        Path output = Path.of("sluice-tune-report.html");
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--bootstrap-server" -> bootstrap = value(args, ++i, arg);
                case "--topic" -> topic = value(args, ++i, arg);
                case "--batch-sizes" -> batchSizes = numbers(value(args, ++i, arg), arg, 1, 64 << 20).stream()
                        .map(Long::intValue).toList();
                case "--linger-ms" -> linger = numbers(value(args, ++i, arg), arg, 0, 60_000);
                case "--compression-types" -> compression = List.of(value(args, ++i, arg).split("\\s*,\\s*"));
                case "--num-records" -> numRecords = numbers(value(args, ++i, arg), arg, 1, Integer.MAX_VALUE).get(0);
                case "--record-size" -> recordSize = numbers(value(args, ++i, arg), arg, DemoRecords.MIN_RECORD_SIZE,
                        1 << 20).get(0).intValue();
                case "--warmup-records" -> warmup = numbers(value(args, ++i, arg), arg, 0, Integer.MAX_VALUE).get(0);
                case "--throughput" -> throughput = Double.parseDouble(value(args, ++i, arg));
                case "--output" -> output = Path.of(value(args, ++i, arg));
                case "--producer-property" -> putProducerProperty(value(args, ++i, arg), "acks=1", properties);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap-server is required (bin/sluice-tune starts a local broker "
                    + "and passes it when you give none)");
        }
        long warmupRecords = warmup != null ? warmup : Math.min(numRecords, 200_000);
        return new TuneOptions(bootstrap, topic, batchSizes, linger, compression, numRecords, recordSize, warmupRecords,
                throughput, output, properties);
    }

    /** Every combination, batch.size outermost, then linger.ms, then compression.type. */
    public List<TuneSetting> settings() {
        List<TuneSetting> all = new ArrayList<>();
        for (int batchSize : batchSizes) {
            for (long linger : lingerMs) {
                for (String codec : compressionTypes) {
                    all.add(new TuneSetting(batchSize, linger, codec));
                }
            }
        }
        return all;
    }
}
