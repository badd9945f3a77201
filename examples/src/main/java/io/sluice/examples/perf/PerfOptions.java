package io.sluice.examples.perf;

import java.util.List;
import java.util.Objects;

/**
 * The command line of the perf tool, parsed and checked: the options of Apache Kafka 4.4's
 * {@code kafka-producer-perf-test}, with the same names, defaults and rules (see {@link PerfArguments}).
 *
 * @param topic               {@code --topic}
 * @param numRecords          {@code --num-records}, &gt; 0
 * @param payload             where values come from: {@code --record-size}, {@code --payload-file} or {@code --payload-monotonic}
 * @param throughput          {@code --throughput} records/s; negative means unthrottled
 * @param bootstrapServer     {@code --bootstrap-server}, or null
 * @param properties          {@code --command-property} or the older {@code --producer-props}, as {@code k=v} strings
 * @param configFile          {@code --command-config} or the older {@code --producer.config}, or null
 * @param printMetrics        {@code --print-metrics}
 * @param warmupRecords       {@code --warmup-records}, 0 for none
 * @param reportingIntervalMs {@code --reporting-interval}
 * @param keys                {@code --key-distribution} and {@code --record-key-range}
 * @param randomSeed          {@code --random-seed}
 * @param warnings            deprecation notices to print (Kafka prints them too)
 */
public record PerfOptions(String topic, long numRecords, PayloadSpec payload, double throughput, String bootstrapServer,
                          List<String> properties, String configFile, boolean printMetrics, long warmupRecords,
                          long reportingIntervalMs, KeySpec keys, long randomSeed, List<String> warnings) {

    public PerfOptions {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(keys, "keys");
        properties = List.copyOf(properties);
        warnings = List.copyOf(warnings);
    }

    /** Parses Kafka's command line; see {@link PerfArguments#parse(String[])}. */
    public static PerfOptions parse(String... args) {
        return PerfArguments.parse(args);
    }

    /** What {@code --help} prints. */
    public static String usage() {
        return PerfArguments.USAGE;
    }

    /** How record values are made. */
    public sealed interface PayloadSpec {
        /** {@code --record-size}: fresh random upper-case letters for each record, as Kafka's tool makes them. */
        record RandomLetters(int recordSize) implements PayloadSpec {
        }

        /** {@code --payload-file}: payloads split at {@code delimiter}; each record picks one at random. */
        record FromFile(String path, String delimiter) implements PayloadSpec {
        }

        /** {@code --payload-monotonic}: the record's index in decimal. */
        record Monotonic() implements PayloadSpec {
        }
    }

    /** How record keys are made ({@code --key-distribution}). */
    public record KeySpec(KeyDistribution distribution, int range) {
        public static final KeySpec NONE = new KeySpec(KeyDistribution.NONE, 0);
    }

    /** Kafka's key distributions: null keys, round-robin or random integer keys in {@code [0, range)}. */
    public enum KeyDistribution { NONE, RANGE, RANDOM }
}
