package io.sluice.examples.demo;

import static io.sluice.examples.workload.CommandLineValues.value;
import static io.sluice.examples.workload.CommandLineValues.number;
import static io.sluice.examples.workload.CommandLineValues.putProducerProperty;

import io.sluice.examples.workload.DemoRecords;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's command line ({@code bin/sluice-demo} passes its options on).
 *
 * @param bootstrapServers  the cluster
 * @param topic             where the records go (the script creates it before the run)
 * @param numRecords        how many records
 * @param recordSize        bytes per value
 * @param compressionType   {@code compression.type}
 * @param timeoutMs         {@code max.block.ms} unless a producer property says otherwise: how long a send may
 *                          wait for the cluster's metadata or for buffer memory
 * @param progressMs        ms between progress lines
 * @param throughput        records/s to aim at, or -1 for as fast as the producer takes them
 * @param producerProperties {@code --producer-property k=v}, over the demo's own settings
 */
public record DemoOptions(String bootstrapServers, String topic, long numRecords, int recordSize, String compressionType,
                          long timeoutMs, long progressMs, double throughput, Map<String, String> producerProperties) {

    public static final String USAGE = String.join("\n",
            "usage: sluice-demo [--bootstrap-server HOST:PORT] [--topic TOPIC] [--num-records N] [--record-size BYTES]",
            "                   [--compression-type none|gzip|snappy|lz4|zstd] [--partitions N] [--timeout-ms MS]",
            "                   [--throughput RECORDS/S] [--producer-property KEY=VALUE ...]",
            "",
            "Produces N records (default 1000000 of 100 bytes, lz4, half keyed, half keyless) with Sluice on the module",
            "path, reads them back with Kafka's own consumer, checks that every one arrived once, keyed records in the",
            "partition Kafka's murmur2 picks, and prints a summary. Without --bootstrap-server it starts a local Kafka 4.4",
            "broker (the testkit's) and stops it afterwards. Exit status 0 only if every record arrived.",
            "  --topic              default sluice-demo; created with --partitions (default 6) if missing",
            "  --timeout-ms         how long to wait for the cluster to answer (default 30000)",
            "  --throughput         records/s to send at (default: as fast as the producer takes them)",
            "  --producer-property  any producer setting, e.g. linger.ms=20 (repeatable)");

    /**
     * @throws IllegalArgumentException naming the option at fault
     */
    public static DemoOptions parse(String... args) {
        String bootstrap = null;
        String topic = "sluice-demo";
        long numRecords = 1_000_000;
        int recordSize = 100;
        String compression = "lz4";
        long timeoutMs = 30_000;
        long progressMs = 1000;
        double throughput = -1;
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--bootstrap-server" -> bootstrap = value(args, ++i, arg);
                case "--topic" -> topic = value(args, ++i, arg);
                case "--num-records" -> numRecords = number(args, ++i, arg, 1, Integer.MAX_VALUE);
                case "--record-size" -> recordSize = (int) number(args, ++i, arg, DemoRecords.MIN_RECORD_SIZE, 1 << 20);
                case "--compression-type" -> compression = value(args, ++i, arg);
                case "--timeout-ms" -> timeoutMs = number(args, ++i, arg, 1, Long.MAX_VALUE);
                case "--progress-interval-ms" -> progressMs = number(args, ++i, arg, 1, Long.MAX_VALUE);
                case "--throughput" -> throughput = number(args, ++i, arg, -1, Integer.MAX_VALUE);
                case "--producer-property" -> putProducerProperty(value(args, ++i, arg), "linger.ms=20", properties);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap-server is required (bin/sluice-demo starts a local broker "
                    + "and passes it when you give none)");
        }
        return new DemoOptions(bootstrap, topic, numRecords, recordSize, compression, timeoutMs, progressMs, throughput,
                properties);
    }

    /** The producer's configuration: the demo's settings, then {@code --producer-property} over them. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", "sluice-demo");
        config.put("compression.type", compressionType);
        config.put("max.block.ms", Long.toString(timeoutMs));
        config.putAll(producerProperties);
        config.put("key.serializer", "bytearray");
        config.put("value.serializer", "bytearray");
        return config;
    }
}
