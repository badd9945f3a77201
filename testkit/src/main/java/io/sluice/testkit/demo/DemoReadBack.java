package io.sluice.testkit.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the demo's records back with Kafka's own consumer, from the offsets the topic had before the run, and
 * checks each against the layout of {@code io.sluice.examples.workload.DemoRecords}: value header
 * {@code %010d:%08x:} (index, CRC32 of key bytes then the rest of the value). It counts every index once
 * (a {@link BitSet}, so a million records cost 125 KB, not their contents), and checks that keyed records sit in
 * the partition Kafka's default partitioner picks ({@code toPositive(murmur2(key)) % partitions}) and that each
 * partition holds its records in send order (the demo sends from one thread, so indices rise within a partition).
 * Used by one thread.
 */
final class DemoReadBack {

    private final long expected;
    private final int partitionCount;
    private final BitSet seen = new BitSet();
    private final Map<Integer, Long> lastIndex = new HashMap<>();
    private final List<String> examples = new ArrayList<>();
    private long read;
    private long distinct;
    private long keyed;
    private long keyless;
    private long duplicates;
    private long corrupt;
    private long misplaced;
    private long outOfOrder;

    private DemoReadBack(long expected, int partitionCount) {
        this.expected = expected;
        this.partitionCount = partitionCount;
    }

    /**
     * Reads until every expected record has been seen (then on to the end offsets of that moment, so duplicates
     * written after them are caught too) or until {@code timeout} has passed.
     */
    static Result read(String bootstrap, String topic, Map<Integer, Long> startOffsets, long expected, Duration timeout,
                       PrintStream out) {
        DemoReadBack check = new DemoReadBack(expected, startOffsets.size());
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            startOffsets.keySet().forEach(p -> partitions.add(new TopicPartition(topic, p)));
            consumer.assign(partitions);
            startOffsets.forEach((p, offset) -> consumer.seek(new TopicPartition(topic, p), offset));
            if (!check.readUntilComplete(consumer, partitions, started + timeout.toNanos(), out)) {
                check.examples.add("gave up after " + timeout.toMillis() + " ms");
            }
        }
        return check.result((System.nanoTime() - started) / 1e9);
    }

    private static Properties consumerConfig(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-demo-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return props;
    }

    /**
     * Polls and checks records, printing progress each second, until every expected record was seen and the end
     * offsets of that moment are reached.
     *
     * @return false if the deadline passed first
     */
    private boolean readUntilComplete(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, long deadline,
                                   PrintStream out) {
        long nextProgress = System.nanoTime() + 1_000_000_000L;
        Map<TopicPartition, Long> ends = null;
        while (ends == null || !reached(consumer, ends)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                check(record);
                read++;
            }
            if (ends == null && distinct >= expected) {
                ends = consumer.endOffsets(partitions, Duration.ofMillis(Math.max(1000, (deadline - System.nanoTime()) / 1_000_000)));
            }
            if (System.nanoTime() - nextProgress > 0 && distinct > 0) {
                out.println(String.format(Locale.ROOT, "read back %d of %d", distinct, expected));
                nextProgress = System.nanoTime() + 1_000_000_000L;
            }
        }
        return true;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void check(ConsumerRecord<byte[], byte[]> record) {
        long index = DemoRecordFormat.index(record.key(), record.value());
        if (index < 0 || index >= expected) {
            corrupt++;
            example("record at " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + (index < 0 ? " does not match its checksum or is not a demo record" : " has index " + index
                    + " beyond --num-records " + expected));
            return;
        }
        if (seen.get((int) index)) {
            duplicates++;
            example("record " + index + " arrived twice (again at partition " + record.partition() + " offset " + record.offset() + ")");
        } else {
            seen.set((int) index);
            distinct++;
        }
        if (record.key() == null) {
            keyless++;
        } else {
            keyed++;
            int want = DemoRecordFormat.murmur2Partition(record.key(), partitionCount);
            if (want != record.partition()) {
                misplaced++;
                example("keyed record " + index + " (key " + new String(record.key(), StandardCharsets.UTF_8) + ") is in partition "
                        + record.partition() + ", murmur2 picks " + want);
            }
        }
        Long last = lastIndex.put(record.partition(), index);
        if (last != null && last >= index) {
            outOfOrder++;
            example("record " + index + " follows record " + last + " in partition " + record.partition());
        }
    }

    private void example(String problem) {
        if (examples.size() < 5) {
            examples.add(problem);
        }
    }

    private Result result(double seconds) {
        long missing = expected - distinct;
        boolean ok = missing == 0 && duplicates == 0 && corrupt == 0 && misplaced == 0 && outOfOrder == 0;
        String summary = String.format(Locale.ROOT, "  %-12s %d of %d records with Kafka's consumer in %.1f s: "
                        + "%d keyed (%d not in murmur2's partition), %d keyless, %d missing, %d duplicates, %d out of order, "
                        + "%d corrupt", "read back", distinct, expected, seconds, keyed, misplaced, keyless, missing,
                duplicates, outOfOrder, corrupt);
        return new Result(ok, summary, read + " records read; " + (missing > 0 ? missing + " missing; " : "")
                + String.join("; ", examples));
    }

    /** What the read-back found: {@code ok} when every record arrived once, intact, in place and in order. */
    record Result(boolean ok, String summary, String problems) {
    }
}
