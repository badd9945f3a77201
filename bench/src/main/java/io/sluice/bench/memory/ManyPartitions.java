package io.sluice.bench.memory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Item 5 of issue 8: memory with keyed traffic over many partitions. For each rate and {@code linger.ms}, runs
 * Sluice's producer (both {@code buffer.memory.allocation.strategy}s) and Apache Kafka's producer one after the
 * other against the same broker and topic, sending 100-byte values with keys spread over all partitions at a fixed
 * rate, and compares the bytes buffered (records sent, not yet acknowledged) with the buffer memory each pool holds
 * in batches ({@code buffer-total-bytes - buffer-available-bytes}). A benchmark, not a test.
 *
 * <pre>
 * java -cp ... io.sluice.bench.memory.ManyPartitions --bootstrap-server HOST:PORT [--partitions 1000]
 *      [--rates 2000,10000] [--lingers 5,50] [--seconds 10] [--warmup-seconds 3] [--batch-size 65536]
 *      [--keys 100000] [--out bench/target/many-partitions] [--only incremental|full|official]
 *      [--rounds 2]   (the producers' order rotates by one each round)
 * </pre>
 * Writes many-partitions.md and many-partitions.csv in {@code --out}. Owned by the main thread.
 */
public final class ManyPartitions {

    private static final int VALUE_SIZE = 100;

    private ManyPartitions() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String bootstrap = o.get("--bootstrap-server");
        int partitions = Integer.parseInt(o.get("--partitions"));
        Path out = Path.of(o.get("--out"));
        Files.createDirectories(out);
        byte[][] keys = new byte[Integer.parseInt(o.get("--keys"))][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ("key-" + i).getBytes(StandardCharsets.UTF_8);
        }
        String topic = "many-partitions-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            awaitLeaders(admin, topic, partitions);
        }
        awaitWritable(bootstrap, topic, partitions);
        ManyPartitionsReport report = new ManyPartitionsReport(partitions, keys.length, VALUE_SIZE, o.get("--batch-size"),
                Long.parseLong(o.get("--seconds")), Long.parseLong(o.get("--warmup-seconds")));
        int rounds = Integer.parseInt(o.get("--rounds"));
        for (int round = 1; round <= rounds; round++) {
            for (String rate : o.get("--rates").split(",")) {
                for (String linger : o.get("--lingers").split(",")) {
                    List<Map.Entry<String, Function<Map<String, Object>, MemoryDriver>>> order =
                            new ArrayList<>(contenders().entrySet());
                    Collections.rotate(order, -(round - 1)); // each producer goes first in some round
                    for (Map.Entry<String, Function<Map<String, Object>, MemoryDriver>> c : order) {
                        if (c.getKey().toLowerCase(Locale.ROOT).contains(o.get("--only"))) {
                            PacedRun.Result r = runOne(c.getKey(), c.getValue(), o, topic, keys, Integer.parseInt(rate), linger);
                            report.add(round, c.getKey(), Integer.parseInt(rate), linger, r);
                        }
                    }
                }
            }
        }
        report.write(out);
    }

    private static PacedRun.Result runOne(String name, Function<Map<String, Object>, MemoryDriver> factory,
                                          Map<String, String> o, String topic, byte[][] keys, int rate, String linger)
            throws InterruptedException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", o.get("--bootstrap-server"));
        config.put("acks", "1");
        config.put("enable.idempotence", "false");
        config.put("linger.ms", linger);
        config.put("batch.size", o.get("--batch-size"));
        config.put("compression.type", "none");
        if (name.startsWith("Sluice")) {
            config.put("buffer.memory.allocation.strategy", name.contains("incremental") ? "incremental" : "full");
        }
        try (MemoryDriver driver = factory.apply(config)) {
            PacedRun.Result r = PacedRun.run(driver, topic, keys, VALUE_SIZE, rate, Long.parseLong(o.get("--seconds")),
                    Long.parseLong(o.get("--warmup-seconds")));
            System.out.printf(Locale.ROOT, "%s rate=%d linger=%s: %s%n", name, rate, linger, r);
            return r;
        }
    }

    /** Waits until every partition has a leader, so that no run pays for the topic's creation. */
    private static void awaitLeaders(Admin admin, String topic, int partitions) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (true) {
            long led = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .filter(p -> p.leader() != null && !p.leader().isEmpty()).count();
            if (led == partitions) {
                System.out.printf(Locale.ROOT, "all %d partitions of %s have a leader%n", partitions, topic);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + led + " of " + partitions + " partitions of " + topic
                        + " have a leader after 2 minutes; look at the broker's log");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits until a record to every partition is accepted at the first try: a broker on a busy machine answers
     * NOT_LEADER_OR_FOLLOWER for a minute or more after creating many partitions, although metadata names leaders;
     * the retries would be charged to whichever producer runs first.
     */
    private static void awaitWritable(String bootstrap, String topic, int partitions) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "retries", "0", "acks", "1",
                "enable.idempotence", "false", "linger.ms", "5");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        try (org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> producer = new org.apache.kafka.clients.producer
                .KafkaProducer<>(config, new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int round = 1; ; round++) {
                java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
                for (int p = 0; p < partitions; p++) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, p, null, new byte[1]),
                            (m, e) -> {
                                if (e != null) {
                                    refused.incrementAndGet();
                                }
                            });
                }
                producer.flush();
                if (refused.get() == 0) {
                    System.out.printf(Locale.ROOT, "every partition of %s took a record at the first try (round %d)%n",
                            topic, round);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(refused.get() + " of " + partitions + " partitions of " + topic
                            + " still refuse records after 5 minutes; look at the broker's log");
                }
                Thread.sleep(1000);
            }
        }
    }

    private static Map<String, Function<Map<String, Object>, MemoryDriver>> contenders() {
        Map<String, Function<Map<String, Object>, MemoryDriver>> c = new LinkedHashMap<>();
        c.put("Sluice (incremental)", SluiceDriver::new);
        c.put("Sluice (full, default)", SluiceDriver::new);
        c.put("official Java (kafka-clients 4.4.0)", OfficialDriver::new);
        return c;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--partitions", "1000", "--rates", "2000,10000",
                "--lingers", "5,50", "--seconds", "10", "--warmup-seconds", "3", "--batch-size", "65536",
                "--keys", "100000", "--out", "bench/target/many-partitions", "--only", "", "--rounds", "2"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!o.containsKey(args[i]) && !args[i].equals("--bootstrap-server")) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: --bootstrap-server "
                        + String.join(" ", o.keySet()));
            }
            o.put(args[i], args[i + 1]);
        }
        if (!o.containsKey("--bootstrap-server")) {
            throw new IllegalArgumentException("--bootstrap-server HOST:PORT is required (bench/run-many-partitions.sh "
                    + "starts a broker and passes it); args were " + Arrays.toString(args));
        }
        return o;
    }
}
