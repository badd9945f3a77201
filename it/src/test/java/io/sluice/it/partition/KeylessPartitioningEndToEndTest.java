package io.sluice.it.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.StoredBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records without a key, as the broker stored them: uniform sticky partitioning (KIP-794, the default)
 * fills one partition's batch before moving on, so it makes fewer, larger batches than round-robin for the
 * same records and settings; and over a long run it still gives every partition its fair share.
 * Counts come from the broker's log segments ({@link StoredBatch}) and from the official consumer.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeylessPartitioningEndToEndTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final int PARTITIONS = 12;

    /**
     * 1,200 records of 40 bytes (about 48 in a batch): 100 per partition under round-robin, about 4.8 KB, far
     * below one batch ({@code batch.size=16384} holds about 340 of them). With {@code linger.ms=60000} nothing
     * leaves before {@code flush()} except full batches, and every record has the same timestamp (so the same size
     * in its batch however slowly it is sent), so the outcome does not depend on timing: round-robin
     * leaves exactly one batch of 100 per partition, while sticky partitioning fills batches one partition at a
     * time and switches after about {@code 2 × batch.size} bytes. With {@code linger.ms=5} batches also leave
     * once they lingered, but whatever the timing, the records sent within one linger period share one or two
     * sticky batches, where round-robin splits them over twelve.
     */
    @ParameterizedTest(name = "linger.ms={0}")
    @ValueSource(ints = {60_000, 5})
    void stickyPartitioningStoresLargerBatchesThanRoundRobinForTheSameRecords(int lingerMs) throws Exception {
        int count = 1200;
        Map<String, Object> settings = Map.of("batch.size", 16384, "linger.ms", lingerMs);

        String sticky = send("sticky", count, 40, settings);
        String roundRobin = send("round-robin", count, 40, with(settings, "partitioner.class", "round-robin"));

        List<StoredBatch> stickyBatches = allBatches(sticky);
        List<StoredBatch> roundRobinBatches = allBatches(roundRobin);
        assertThat(recordCount(stickyBatches)).isEqualTo(count);
        assertThat(recordCount(roundRobinBatches)).isEqualTo(count);
        if (lingerMs == 60_000) {
            assertThat(roundRobinBatches).as("one unfilled batch per partition, flushed")
                    .hasSize(PARTITIONS).allSatisfy(b -> assertThat(b.recordCount()).isEqualTo(count / PARTITIONS));
            assertThat(partitionsUsed(sticky)).as("about 57 KB, a switch every 32 KB: two partitions").isLessThanOrEqualTo(2);
        }
        assertThat(average(stickyBatches))
                .as("records per batch, sticky (%d batches) vs round-robin (%d batches)", stickyBatches.size(),
                        roundRobinBatches.size())
                .isGreaterThan(average(roundRobinBatches));
    }

    /**
     * Fairness over a long run is a matter of how many times the sticky partition switches, so the run makes
     * switches frequent: 300,000 records of 40 bytes (about 48 bytes each in a batch) with {@code batch.size=256}
     * (four records a batch; a switch after {@code 2 × batch.size} bytes, about 11 records) give about 27,000
     * switches, some 2,270 per partition. Even if every switch picked a partition uniformly at random (the
     * adaptive default only does better, preferring partitions with shorter queues), a partition's share
     * would vary by about 2 % (σ ≈ √(11/27,000)), so 10 % is five standard deviations away.
     */
    @Test
    void overALongRunEveryPartitionGetsAShareWithinTenPercentOfFair() throws Exception {
        int count = 300_000;
        String topic = send("long-run", count, 40, Map.of("batch.size", 256, "linger.ms", 1));

        Map<Integer, Long> consumed = endOffsets(topic);
        double fair = count / (double) PARTITIONS;
        for (int p = 0; p < PARTITIONS; p++) {
            long stored = recordCount(kafka.cluster().storedBatches(topic, p));
            assertThat(consumed.get(p)).as("partition %d: the consumer's count and the stored batches agree", p)
                    .isEqualTo(stored);
            assertThat((double) stored).as("records in partition %d of %d (fair share %.0f); all: %s", p, count, fair,
                    consumed).isBetween(fair * 0.9, fair * 1.1);
        }
        assertThat(consumed.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(count);
    }

    /** Sends {@code count} keyless records of {@code valueSize} bytes with Sluice to a new topic; returns its name. */
    private static String send(String hint, int count, int valueSize, Map<String, Object> settings) throws Exception {
        String topic = kafka.createTopic(hint, PARTITIONS, 1);
        Map<String, Object> config = new HashMap<>(settings);
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("key.serializer", "bytearray");
        config.put("value.serializer", "bytearray");
        config.put("enable.idempotence", "false");
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        // One timestamp for every record: a record's size in its batch holds its timestamp's delta from the batch's
        // first record, one varint byte under 64 ms and two from there, so with the send time the sizes (and where
        // a batch is exactly full, which is when the sticky partition may switch after one batch) would depend on
        // how fast the machine runs.
        long timestamp = System.currentTimeMillis();
        try (Producer<byte[], byte[]> producer = Producers.create(config)) {
            for (int i = 0; i < count; i++) {
                byte[] value = new byte[valueSize];
                value[0] = (byte) i;
                value[1] = (byte) (i >>> 8);
                value[2] = (byte) (i >>> 16);
                sent.add(producer.send(new ProducerRecord<>(topic, null, timestamp, null, value)));
            }
            producer.flush();
        }
        CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        return topic;
    }

    private static Map<String, Object> with(Map<String, Object> settings, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(settings);
        copy.put(key, value);
        return copy;
    }

    private static List<StoredBatch> allBatches(String topic) {
        List<StoredBatch> batches = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            batches.addAll(kafka.cluster().storedBatches(topic, p));
        }
        return batches;
    }

    private static long partitionsUsed(String topic) {
        return IntStream.range(0, PARTITIONS).filter(p -> !kafka.cluster().storedBatches(topic, p).isEmpty()).count();
    }

    private static long recordCount(List<StoredBatch> batches) {
        return batches.stream().mapToLong(StoredBatch::recordCount).sum();
    }

    private static double average(List<StoredBatch> batches) {
        return batches.stream().mapToInt(StoredBatch::recordCount).average().orElse(0);
    }

    /** Records per partition as the official consumer sees them: end offsets (the log starts at 0; no transactions). */
    private static Map<Integer, Long> endOffsets(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            Map<Integer, Long> counts = new HashMap<>();
            consumer.beginningOffsets(partitions, Duration.ofSeconds(30))
                    .forEach((tp, begin) -> assertThat(begin).as("log start of %s", tp).isZero());
            consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach((tp, end) -> counts.put(tp.partition(), end));
            return counts;
        }
    }
}
