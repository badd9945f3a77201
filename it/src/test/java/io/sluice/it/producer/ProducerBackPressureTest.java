package io.sluice.it.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.BufferExhaustedException;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.StoredBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the producer does when memory runs out or the broker refuses a batch as too large, against a real broker. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProducerBackPressureTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private Map<String, Object> config(Object... kv) {
        Map<String, Object> m = StringProducerConfig.of(kafka.bootstrapServers(), kv);
        m.putIfAbsent("enable.idempotence", "false");
        return m;
    }

    @Test
    void aFullBufferBlocksForMaxBlockMsThenFailsClearlyAndTheProducerRecoversWhenTheBrokerIsBack() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = kafka.createTopic("exhaust", 1, 1);
        try (Producer<String, String> producer = Producers.create(config("buffer.memory", 32 * 1024, "batch.size", 4096,
                "linger.ms", 0, "max.block.ms", 1500))) {
            producer.partitionsFor(topic); // metadata known before the broker goes away
            cluster.stopBroker(1);
            List<CompletableFuture<RecordMetadata>> buffered = new ArrayList<>();
            Throwable exhausted = null;
            for (int i = 0; i < 1000 && exhausted == null; i++) {
                CompletableFuture<RecordMetadata> f = producer.send(new ProducerRecord<>(topic, "k", "x".repeat(1000)));
                if (f.isCompletedExceptionally()) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        exhausted = e.getCause();
                    }
                } else {
                    buffered.add(f);
                }
            }
            assertThat(exhausted).isInstanceOf(BufferExhaustedException.class)
                    .hasMessageContaining("within max.block.ms=1500 ms")
                    .hasMessageContaining("buffer.memory=32768 bytes");
            assertThat(buffered).isNotEmpty();

            cluster.restartBroker(1);
            for (CompletableFuture<RecordMetadata> f : buffered) {
                assertThat(f.get(60, TimeUnit.SECONDS).hasOffset()).isTrue();
            }
            assertThat(producer.send(new ProducerRecord<>(topic, "k", "after")).get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
            assertThat(cluster.readAll(topic, buffered.size() + 1, Duration.ofSeconds(30))).hasSize(buffered.size() + 1);
        }
    }

    @Test
    void aBatchTheBrokerRefusesAsTooLargeIsSplitAndEveryRecordStillArrivesInOrder() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = kafka.uniqueTopic("split");
        cluster.createTopic(topic, 1, 1, Map.of("max.message.bytes", "3000"));
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        // max.in.flight=1 keeps order across retries without idempotence (as in Kafka)
        try (Producer<String, String> producer = Producers.create(config("linger.ms", 60_000, "batch.size", 64 * 1024,
                "max.in.flight.requests.per.connection", 1))) {
            for (int i = 0; i < 60; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "k", String.format("%04d", i) + "y".repeat(196))));
            }
            producer.flush();
        }
        long previous = -1;
        for (CompletableFuture<RecordMetadata> f : sent) {
            long offset = f.get().offset();
            assertThat(offset).isGreaterThan(previous);
            previous = offset;
        }
        List<StoredBatch> batches = cluster.storedBatches(topic, 0);
        assertThat(batches.size()).isGreaterThan(1);
        assertThat(batches).allSatisfy(b -> assertThat(b.sizeInBytes()).isLessThanOrEqualTo(3000));
        assertThat(batches.stream().mapToInt(StoredBatch::recordCount).sum()).isEqualTo(60);
    }
}
