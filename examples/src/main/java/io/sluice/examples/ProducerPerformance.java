package io.sluice.examples;

import io.sluice.api.Producer;
import io.sluice.api.errors.ConfigException;
import io.sluice.core.Producers;
import io.sluice.examples.perf.PerfOptions;
import io.sluice.examples.perf.PerfRun;
import io.sluice.examples.perf.ProducerProperties;
import java.util.Map;

/**
 * Sluice's producer under the command line of Apache Kafka's {@code kafka-producer-perf-test} (Kafka 4.4),
 * so the same command measures both producers:
 *
 * <pre>
 * bin/sluice-producer-perf-test --topic perf --num-records 5000000 --record-size 100 --throughput -1 \
 *     --bootstrap-server 127.0.0.1:9092 --command-property acks=1 linger.ms=5 batch.size=65536 compression.type=lz4
 * </pre>
 *
 * (the script runs {@code java --module-path … --add-modules HdrHistogram --module
 * io.sluice.examples/io.sluice.examples.ProducerPerformance …}). It prints a progress line every reporting
 * interval and Kafka's summary line at the end, plus one line of latency percentiles at microsecond
 * precision (see {@code io.sluice.examples.perf.PerfStats} for the formats). Options: {@code --help}.
 *
 * <p>Exit status: 0 when every record was acknowledged; 1 if any record failed, the producer could not be
 * created, or the command line is wrong (Kafka's tool exits 1 for a wrong command line too); 0 with the
 * usage for {@code --help} or no arguments.
 */
public final class ProducerPerformance {

    private ProducerPerformance() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit status; what {@link #main} does without exiting. */
    public static int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(PerfOptions.usage());
            return 0;
        }
        PerfOptions options;
        Map<String, Object> config;
        PerfRun run;
        try {
            options = PerfOptions.parse(args);
            options.warnings().forEach(System.err::println);
            config = ProducerProperties.of(options);
            run = PerfRun.prepare(options, System.out, System.err);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.err.println(PerfOptions.usage());
            return 1;
        }
        Producer<byte[], byte[]> producer;
        try {
            producer = Producers.create(config);
        } catch (ConfigException e) {
            System.err.println("Cannot create the producer: " + e.getMessage());
            return 1;
        }
        long failed = run.execute(producer);
        return failed == 0 ? 0 : 1;
    }
}
