package io.sluice.bench.side;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration of the side-by-side benchmark, applied identically to every producer: 100-byte records,
 * 6 partitions, {@code linger.ms=5}, {@code batch.size=65536}, plus the acks/idempotence, compression and rate
 * given here.
 *
 * @param name        short name used in tables and topic names
 * @param idempotent  {@code acks=all} and {@code enable.idempotence=true}; otherwise {@code acks=1} and
 *                    {@code enable.idempotence=false} (set explicitly: Kafka's default is idempotent)
 * @param compression {@code none}, {@code lz4} or {@code zstd}
 * @param throughput  records/s for a fixed-rate run, or -1 for as fast as possible
 * @param records     records per run
 * @param payloadLines 0: both Java tools make each value as Kafka's tool does with {@code --record-size} (100 random
 *                    upper-case letters drawn per record); otherwise they pick each value at random from a
 *                    {@code --payload-file} of this many such lines, which takes the per-record drawing of 100 random
 *                    letters (a fixed cost both Java tools pay on the sending thread) out of the measurement. kcat always
 *                    reads its records from a file.
 * @param protocol    {@code security.protocol} of the listener the producers write to: {@code PLAINTEXT}, or
 *                    {@code SASL_SSL} (SCRAM-SHA-512 over TLS, with the client properties the broker wrote)
 * @param warmupRecords both Java tools' {@code --warmup-records}: after the whole-run summary they print a second,
 *                    "steady state" one over the records after the first this many; 0 for none (kcat has no such
 *                    option and ignores it). The whole-run figures are the same either way.
 */
record Scenario(String name, boolean idempotent, String compression, int throughput, long records, int payloadLines,
                String protocol, long warmupRecords) {

    /** Lines of the payload file of the {@code -file} scenarios: few repeats within a 64 KB batch (about 600 records). */
    static final int PAYLOAD_FILE_LINES = 100_000;

    static final String PLAINTEXT = "PLAINTEXT";
    static final String SASL_SSL = "SASL_SSL";
    static final java.util.Set<String> PROTOCOLS = java.util.Set.of(PLAINTEXT, SASL_SSL);

    static final int RECORD_SIZE = 100;
    static final int PARTITIONS = 6;
    static final int LINGER_MS = 5;
    static final int BATCH_SIZE = 65536;

    /**
     * The configurations: three codecs with acks=1, the same idempotent, and a 50,000 records/s run; then
     * acks=1 with none and lz4 with values from a payload file ({@code acks1-none-file}, {@code acks1-lz4-file}).
     *
     * @param throughputWarmup {@code --warmup-records} of the unthrottled scenarios (0: none)
     * @param latencyWarmup    {@code --warmup-records} of the fixed-rate scenario (0: none)
     */
    static List<Scenario> standard(long throughputRecords, long latencyRecords, int latencyRate, long throughputWarmup,
                                   long latencyWarmup) {
        List<Scenario> all = new ArrayList<>();
        for (boolean idempotent : new boolean[] {false, true}) {
            for (String codec : List.of("none", "lz4", "zstd")) {
                all.add(new Scenario((idempotent ? "idem-" : "acks1-") + codec, idempotent, codec, -1, throughputRecords, 0,
                        PLAINTEXT, throughputWarmup));
            }
        }
        all.add(new Scenario("rate" + latencyRate / 1000 + "k-lz4", false, "lz4", latencyRate, latencyRecords, 0, PLAINTEXT,
                latencyWarmup));
        for (String codec : List.of("none", "lz4")) {
            all.add(new Scenario("acks1-" + codec + "-file", false, codec, -1, throughputRecords, PAYLOAD_FILE_LINES, PLAINTEXT,
                    throughputWarmup));
        }
        return all;
    }

    /** This scenario over another listener; its name gets the protocol as a suffix unless it is PLAINTEXT. */
    Scenario over(String otherProtocol) {
        if (!PROTOCOLS.contains(otherProtocol)) {
            throw new IllegalArgumentException("Protocol " + otherProtocol + " is not one of " + PROTOCOLS);
        }
        String suffix = "-" + SASL_SSL.toLowerCase(java.util.Locale.ROOT); // topic names allow [a-zA-Z0-9._-]
        String base = secured() ? name.substring(0, name.length() - suffix.length()) : name;
        String renamed = otherProtocol.equals(PLAINTEXT) ? base : base + suffix;
        return new Scenario(renamed, idempotent, compression, throughput, records, payloadLines, otherProtocol,
                warmupRecords);
    }

    /** Whether the producers write over the SASL_SSL listener. */
    boolean secured() {
        return protocol.equals(SASL_SSL);
    }

    boolean fixedRate() {
        return throughput > 0;
    }

    /** Kafka producer properties (Java clients) for this scenario, in a stable order. */
    Map<String, String> javaProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("acks", idempotent ? "all" : "1");
        p.put("enable.idempotence", Boolean.toString(idempotent));
        p.put("linger.ms", Integer.toString(LINGER_MS));
        p.put("batch.size", Integer.toString(BATCH_SIZE));
        p.put("compression.type", compression);
        return p;
    }

    /** The same settings under librdkafka's names (kcat -X). */
    Map<String, String> librdkafkaProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("acks", idempotent ? "all" : "1");
        p.put("enable.idempotence", Boolean.toString(idempotent));
        p.put("linger.ms", Integer.toString(LINGER_MS));
        p.put("batch.size", Integer.toString(BATCH_SIZE));
        p.put("compression.codec", compression);
        return p;
    }

    String describe() {
        return (idempotent ? "acks=all, idempotent" : "acks=1") + ", " + compression
                + (fixedRate() ? ", " + throughput + " records/s" : ", unthrottled") + ", " + records + " records"
                + (payloadLines > 0 ? ", Java tools' values from a " + payloadLines + "-line --payload-file" : "")
                + (warmupRecords > 0 ? ", steady state after the first " + warmupRecords + " records (--warmup-records)" : "")
                + (secured() ? ", over SASL_SSL (SCRAM-SHA-512, TLS)" : ", over PLAINTEXT");
    }
}
