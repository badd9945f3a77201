package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FailoverTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.of(
            KafkaCluster.builder().brokers(3).fastFailover().property("min.insync.replicas", "2"));

    @Test
    void shouldKeepEveryAcknowledgedRecordWhenTheLeaderStopsAndComesBack() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = kafka.createTopic("failover", 1, 3);
        assertThat(cluster.brokerIds()).containsExactly(1, 2, 3);

        try (KafkaProducer<byte[], byte[]> producer = OfficialProducer.create(cluster.bootstrapServers(),
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000))) {
            OfficialProducer.sendAll(producer, records(topic, 0, 50));

            int oldLeader = cluster.leaderOf(topic, 0);
            cluster.stopBroker(oldLeader);
            int newLeader = cluster.awaitNewLeader(topic, 0, oldLeader);
            OfficialProducer.sendAll(producer, records(topic, 50, 100));

            cluster.restartBroker(oldLeader);
            cluster.awaitInSync(topic);
            OfficialProducer.sendAll(producer, records(topic, 100, 150));

            assertThat(newLeader).isNotEqualTo(oldLeader).isIn(cluster.brokerIds());
            assertThat(cluster.isRunning(oldLeader)).isTrue();
        }
        List<ConsumerRecord<byte[], byte[]>> read = cluster.readAll(topic, 150, Duration.ofSeconds(30));

        assertThat(read).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(values(0, 150));
        assertThat(read).extracting(ConsumerRecord::offset).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 150).boxed().toList());
    }

    @Test
    void shouldStoreTheSameBatchesOnEveryReplica() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = kafka.createTopic("replicas", 1, 3);

        try (KafkaProducer<byte[], byte[]> producer = OfficialProducer.create(cluster.bootstrapServers(),
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"))) {
            OfficialProducer.sendAll(producer, records(topic, 0, 20));
        }
        cluster.awaitInSync(topic);

        List<StoredBatch> onLeader = cluster.storedBatches(topic, 0);
        assertThat(onLeader).isNotEmpty().allSatisfy(batch -> assertThat(batch.compressionName()).isEqualTo("zstd"));
        for (int brokerId : cluster.brokerIds()) {
            awaitSameBatches(cluster, brokerId, topic, onLeader);
        }
    }

    /** A follower in the ISR has fetched the batches, but may not have written the last fetch to disk yet. */
    private static void awaitSameBatches(KafkaCluster cluster, int brokerId, String topic, List<StoredBatch> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<StoredBatch> onBroker = cluster.storedBatches(brokerId, topic, 0);
        while (!onBroker.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            onBroker = cluster.storedBatches(brokerId, topic, 0);
        }
        assertThat(onBroker).as("batches on broker %d", brokerId).isEqualTo(expected);
    }

    private static List<ProducerRecord<byte[], byte[]>> records(String topic, int from, int to) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String value : values(from, to)) {
            records.add(new ProducerRecord<>(topic, 0, null, value.getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    private static List<String> values(int from, int to) {
        List<String> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add("record-" + i);
        }
        return values;
    }
}
