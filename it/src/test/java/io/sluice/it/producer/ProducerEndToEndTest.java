package io.sluice.it.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.MetricName;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordHeader;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.ProducerClosedException;
import io.sluice.api.errors.RecordTooLargeException;
import io.sluice.api.errors.SerializationException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.spi.Serializer;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.StoredBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sluice's producer against a real Kafka 4.4 broker, read back with the official consumer.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProducerEndToEndTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private Map<String, Object> config(Object... kv) {
        return StringProducerConfig.of(kafka.bootstrapServers(), kv);
    }

    @Test
    void everyAcknowledgedRecordOfManyThreadsTopicsAndPartitionsIsReadBackOnceAtItsOffset() throws Exception {
        List<String> topics = List.of(kafka.createTopic("multi-a", 6, 1), kafka.createTopic("multi-b", 6, 1),
                kafka.createTopic("multi-c", 3, 1));
        int threads = 4;
        int perThread = 3000;
        Map<String, RecordMetadata> acked = new ConcurrentHashMap<>();
        List<String> outOfOrder = new CopyOnWriteArrayList<>();
        try (Producer<String, String> producer = Producers.create(config("linger.ms", 5, "batch.size", 8192))) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread w = new Thread(() -> {
                    Map<String, Long> lastOffset = new HashMap<>();
                    for (int i = 0; i < perThread; i++) {
                        String topic = topics.get(i % topics.size());
                        String key = "t" + id + "-k" + (i % 17);
                        String value = "t" + id + "-" + i;
                        ProducerRecord<String, String> r = new ProducerRecord<>(topic, null, 1_600_000_000_000L + i, key, value,
                                List.of(new RecordHeader("thread", ("" + id).getBytes(StandardCharsets.UTF_8))));
                        producer.send(r, (md, e) -> {
                            if (e == null) {
                                acked.put(value, md);
                                String lane = md.topicPartition() + "/" + id;
                                Long previous = lastOffset.put(lane, md.offset());
                                if (previous != null && previous >= md.offset()) {
                                    outOfOrder.add(lane + " " + previous + " then " + md.offset());
                                }
                            }
                        });
                    }
                });
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                w.join();
            }
            producer.flush();
        }
        assertThat(acked).hasSize(threads * perThread);
        assertThat(outOfOrder).as("callbacks of one partition complete in send order").isEmpty();
        int readBack = 0;
        for (String topic : topics) {
            int expected = (int) acked.values().stream().filter(m -> m.topic().equals(topic)).count();
            List<ConsumerRecord<byte[], byte[]>> records = kafka.cluster().readAll(topic, expected, Duration.ofSeconds(60));
            assertThat(records).hasSize(expected);
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                RecordMetadata md = acked.get(value);
                assertThat(md).as(value).isNotNull();
                assertThat(r.partition()).isEqualTo(md.partition());
                assertThat(r.offset()).isEqualTo(md.offset());
                assertThat(r.timestamp()).isEqualTo(md.timestamp());
                String thread = value.substring(1, value.indexOf('-'));
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).startsWith("t" + thread + "-k");
                assertThat(new String(r.headers().lastHeader("thread").value(), StandardCharsets.UTF_8)).isEqualTo(thread);
                readBack++;
            }
        }
        assertThat(readBack).isEqualTo(threads * perThread);
    }

    @Test
    void oneRequestCarriesTheBatchesOfSeveralTopics() throws Exception {
        String a = kafka.createTopic("piggy-a", 2, 1);
        String b = kafka.createTopic("piggy-b", 2, 1);
        try (Producer<String, String> producer = Producers.create(config("linger.ms", 60_000))) {
            producer.partitionsFor(a);
            producer.partitionsFor(b);
            List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                sent.add(producer.send(new ProducerRecord<>(a, p, "k", "a" + p)));
                sent.add(producer.send(new ProducerRecord<>(b, p, "k", "b" + p)));
            }
            producer.flush();
            for (CompletableFuture<RecordMetadata> f : sent) {
                assertThat(f.get().hasOffset()).isTrue();
            }
            assertThat(metric(producer, "request-total")).isEqualTo(1.0);
            assertThat(metric(producer, "records-per-request-avg")).isEqualTo(4.0);
        }
    }

    @Test
    void lingerMsTurnsATrickleIntoMultiRecordBatches() throws Exception {
        String topic = kafka.createTopic("linger", 1, 1);
        try (Producer<String, String> producer = Producers.create(config("linger.ms", 200))) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i));
                Thread.sleep(2); // a trickle, well inside linger.ms
            }
            producer.flush();
        }
        List<StoredBatch> batches = kafka.cluster().storedBatches(topic, 0);
        assertThat(batches.stream().mapToInt(StoredBatch::recordCount).sum()).isEqualTo(20);
        assertThat(batches.stream().mapToInt(StoredBatch::recordCount).max().orElse(0)).isGreaterThan(1);
    }

    @Test
    void batchSizeOneWithLingerZeroPutsEachRecordInABatchOfItsOwn() throws Exception {
        String topic = kafka.createTopic("single", 1, 1);
        try (Producer<String, String> producer = Producers.create(config("linger.ms", 0, "batch.size", 1))) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i));
            }
            producer.flush();
        }
        List<StoredBatch> batches = kafka.cluster().storedBatches(topic, 0);
        assertThat(batches).hasSize(10).allSatisfy(b -> assertThat(b.recordCount()).isEqualTo(1));
    }

    @Test
    void byDefaultTheProducerIsIdempotentAndItsBatchesCarryProducerIdAndSequences() throws Exception {
        String topic = kafka.createTopic("idem", 1, 1);
        try (Producer<String, String> producer = Producers.create(config("linger.ms", 0, "batch.size", 1))) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        List<StoredBatch> batches = kafka.cluster().storedBatches(topic, 0);
        assertThat(batches).hasSize(5);
        long producerId = batches.get(0).producerId();
        assertThat(producerId).isNotNegative();
        for (int i = 0; i < 5; i++) {
            assertThat(batches.get(i).producerId()).isEqualTo(producerId);
            assertThat(batches.get(i).baseSequence()).isEqualTo(i);
        }
    }

    @Test
    void acksZeroCompletesWithoutOffsetsAndTheRecordsArrive() throws Exception {
        String topic = kafka.createTopic("acks0", 1, 1);
        List<RecordMetadata> metadata = new ArrayList<>();
        try (Producer<String, String> producer = Producers.create(config("acks", "0"))) {
            for (int i = 0; i < 50; i++) {
                metadata.add(producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get(30, TimeUnit.SECONDS));
            }
        }
        assertThat(metadata).allSatisfy(m -> assertThat(m.hasOffset()).isFalse());
        assertThat(kafka.cluster().readAll(topic, 50, Duration.ofSeconds(30))).hasSize(50);
    }

    @Test
    void closeWithZeroTimeoutFailsPendingRecordsAtOnceAndCloseDeliversThem() throws Exception {
        String topic = kafka.createTopic("close", 1, 1);
        Producer<String, String> lingering = Producers.create(config("linger.ms", 600_000));
        CompletableFuture<RecordMetadata> pending = lingering.send(new ProducerRecord<>(topic, "k", "never"));
        lingering.close(Duration.ZERO);
        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ProducerClosedException.class);
        assertThatThrownBy(() -> lingering.send(new ProducerRecord<>(topic, "k", "late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot send after the producer is closed.");

        Producer<String, String> graceful = Producers.create(config("linger.ms", 600_000));
        CompletableFuture<RecordMetadata> delivered = graceful.send(new ProducerRecord<>(topic, "k", "delivered"));
        graceful.close();
        assertThat(delivered.get(10, TimeUnit.SECONDS).hasOffset()).isTrue();
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, 1, Duration.ofSeconds(30));
        assertThat(new String(read.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("delivered");
    }

    @Test
    void badInputFailsThatRecordClearlyAndTheProducerKeepsWorking() throws Exception {
        String topic = kafka.createTopic("bad", 3, 1);
        Serializer<String> failing = new Serializer<>() {
            @Override
            public byte[] serialize(String t, String data) {
                if (data.startsWith("boom")) {
                    throw new IllegalArgumentException("cannot serialize " + data);
                }
                return data.getBytes(StandardCharsets.UTF_8);
            }
        };
        Map<String, Object> cfg = config("max.request.size", 2000, "max.block.ms", 2000);
        cfg.remove("value.serializer");
        try (Producer<String, String> producer = Producers.create(cfg, null, failing)) {
            assertThatThrownBy(() -> new ProducerRecord<>(null, "v")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Topic cannot be null");
            assertThatThrownBy(() -> new ProducerRecord<>(topic, -1, "k", "v")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid partition: -1");

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "boom!")))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Can't serialize value of class java.lang.String for topic " + topic)
                    .hasMessageContaining("cannot serialize boom!");

            List<Exception> callbackErrors = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<RecordMetadata> tooLarge = producer.send(new ProducerRecord<>(topic, "k", "x".repeat(5000)),
                    (m, e) -> callbackErrors.add(e));
            assertThatThrownBy(tooLarge::get).hasCauseInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("which is the value of the max.request.size configuration");
            assertThat(callbackErrors).hasSize(1).first().isInstanceOf(RecordTooLargeException.class);

            CompletableFuture<RecordMetadata> noSuchPartition = producer.send(new ProducerRecord<>(topic, 7, "k", "v"));
            assertThatThrownBy(() -> noSuchPartition.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class)
                    .hasMessageContaining("Partition 7 of topic " + topic + " with partition count 3 is not present in metadata");

            RecordMetadata ok = producer.send(new ProducerRecord<>(topic, 1, "k", "fine")).get(30, TimeUnit.SECONDS);
            assertThat(ok.partition()).isEqualTo(1);
            assertThat(ok.hasOffset()).isTrue();
        }
    }

    private static double metric(Producer<?, ?> producer, String name) {
        for (Map.Entry<MetricName, ?> e : producer.metrics().entrySet()) {
            if (e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics")) {
                return (Double) ((io.sluice.api.Metric) e.getValue()).metricValue();
            }
        }
        throw new AssertionError("no metric " + name);
    }
}
