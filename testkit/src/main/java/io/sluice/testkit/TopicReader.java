package io.sluice.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic back with the official {@link KafkaConsumer}: the oracle for what a producer wrote.
 *
 * <p>Stateless; each call uses its own consumer (no consumer group, no committed offsets), so calls from several
 * threads are fine.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Reads every partition of {@code topic} from the beginning until at least {@code expectedCount} records have
     * arrived, then on to the end offsets seen at that moment, so records written beyond the expected ones
     * (duplicates, say) are returned too.
     *
     * @param bootstrapServers the brokers, e.g. {@link KafkaCluster#bootstrapServers()}
     * @return the records with byte[] keys and values, headers, timestamps, partitions and offsets, ordered by
     *     partition, then offset
     * @throws IllegalStateException if fewer than {@code expectedCount} records arrive within {@code timeout}; the
     *     message says how many did and what the end offsets were
     */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic,
                                                               int expectedCount, Duration timeout) {
        return readAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Objects.requireNonNull(bootstrapServers, "bootstrapServers")), topic, expectedCount, timeout);
    }

    /**
     * {@link #readAll(String, String, int, Duration)} with client settings of choice: {@code bootstrap.servers} and,
     * for a secured listener, {@code security.protocol}, {@code ssl.*} and {@code sasl.*} (see
     * {@link KafkaCluster#clientConfig(String)}). The reader's own settings (no group, from the beginning) win.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> clientConfig, String topic,
                                                               int expectedCount, Duration timeout) {
        Objects.requireNonNull(topic, "topic");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(clientConfig),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            Map<TopicPartition, Long> endOffsets = null;
            while (endOffsets == null || !reached(consumer, endOffsets)) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new IllegalStateException("Read " + records.size() + " of " + expectedCount
                            + " expected records from topic " + topic + " within " + timeout + "; end offsets now "
                            + consumer.endOffsets(partitions, Duration.ofSeconds(5)));
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                if (endOffsets == null && records.size() >= expectedCount) {
                    endOffsets = consumer.endOffsets(partitions, remaining(deadline));
                }
            }
            records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }

    private static Map<String, Object> config(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-testkit-reader");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return config;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic,
                                                     long deadline, Duration timeout) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition))
                        .collect(Collectors.toList());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("Topic " + topic + " does not exist (no partitions found within "
                        + timeout + "); create it first, e.g. with KafkaCluster.createTopic");
            }
            pause();
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a topic's partitions", e);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofMillis(100).toNanos()));
    }
}
