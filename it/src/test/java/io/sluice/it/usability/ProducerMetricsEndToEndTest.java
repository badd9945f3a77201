package io.sluice.it.usability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.RecordTooLargeException;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.StoredBatch;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The producer's metrics against what really happened: records sent, batch sizes and counts as the
 * broker stored them, requests, the buffer; under Kafka's names, groups and tags, from
 * {@code producer.metrics()} and through the platform MBean server, whose MBeans go when the
 * producer closes.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProducerMetricsEndToEndTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 300;
    private static final long WINDOW_MS = 600_000;
    private static final long BUFFER_MEMORY = 8 * 1024 * 1024;

    @Test
    void metricValuesMatchWhatTheBrokerStoredAndAreReadableThroughJmx() throws Exception {
        String topic = kafka.createTopic("metrics-e2e", PARTITIONS, 1);
        String clientId = kafka.uniqueTopic("metrics-client");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("client.id", clientId);
        config.put("key.serializer", "string");
        config.put("value.serializer", "string");
        config.put("compression.type", "gzip");
        config.put("linger.ms", 60_000); // batches close when full or flushed: what the broker stores is what was sent
        config.put("buffer.memory", BUFFER_MEMORY);
        config.put("max.request.size", 100_000);
        config.put("metrics.sample.window.ms", WINDOW_MS);
        config.put("metrics.num.samples", 2);
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName producerBean = new ObjectName("io.sluice:type=producer-metrics,client-id=" + clientId);
        ObjectName topicBean = new ObjectName("io.sluice:type=producer-topic-metrics,client-id=" + clientId + ",topic=" + topic);
        int node = kafka.cluster().brokerIds().get(0);
        ObjectName nodeBean = new ObjectName("io.sluice:type=producer-node-metrics,client-id=" + clientId + ",node-id=node-" + node);

        long startNs = System.nanoTime();
        Metrics m;
        Producer<String, String> producer = Producers.create(config);
        try {
            assertThat(jmx.isRegistered(producerBean)).as("registered when the producer is created").isTrue();
            sendAndFlush(producer, topic);
            long elapsedMs = (System.nanoTime() - startNs) / 1_000_000 + 1; // + 1: the producer's clock truncates to ms too
            m = new Metrics(producer.metrics(), clientId);

            List<StoredBatch> stored = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                stored.addAll(kafka.cluster().storedBatches(topic, p));
            }
            int records = PARTITIONS * PER_PARTITION;
            assertThat(stored.stream().mapToInt(StoredBatch::recordCount).sum()).isEqualTo(records);
            double storedBytes = stored.stream().mapToInt(StoredBatch::sizeInBytes).sum();
            assertThat(m.producer("record-send-total")).isEqualTo(records);
            assertThat(m.topic(topic, "record-send-total")).isEqualTo(records);
            assertThat(m.producer("batch-size-avg")).isCloseTo(storedBytes / stored.size(), within(1e-6));
            assertThat(m.producer("batch-size-max")).isEqualTo(stored.stream().mapToInt(StoredBatch::sizeInBytes).max().orElseThrow());
            assertThat(m.topic(topic, "byte-total")).isEqualTo(storedBytes);
            assertThat(m.producer("records-per-request-avg") * m.producer("request-total")).isCloseTo(records, within(1e-6));
            assertThat(m.producer("compression-rate-avg")).isStrictlyBetween(0.0, 1.0)
                    .isCloseTo(m.topic(topic, "compression-rate"), within(1e-9));
            assertThat(stored).allSatisfy(b -> assertThat(b.compressionName()).isEqualTo("gzip"));

            // rates: every record fell into the first of two 10-minute windows, so Kafka's window is elapsed + 10 min
            double minWindowS = WINDOW_MS / 1000.0;
            double maxWindowS = (WINDOW_MS + elapsedMs + 1000) / 1000.0;
            assertThat(m.producer("record-send-rate")).isBetween(records / maxWindowS, records / minWindowS);
            assertThat(m.topic(topic, "record-send-rate")).isBetween(records / maxWindowS, records / minWindowS);
            assertThat(m.topic(topic, "byte-rate")).isBetween(storedBytes / maxWindowS, storedBytes / minWindowS);

            assertThat(m.producer("record-queue-time-max")).isBetween(0.0, (double) elapsedMs);
            assertThat(m.producer("record-queue-time-avg")).isBetween(0.0, m.producer("record-queue-time-max"));
            assertThat(m.producer("record-queue-time-p50")).isLessThanOrEqualTo(m.producer("record-queue-time-p99"));
            assertThat(m.producer("request-latency-max")).isBetween(m.producer("request-latency-avg"), (double) elapsedMs);
            assertThat(m.producer("request-latency-p99")).isLessThanOrEqualTo(m.producer("request-latency-p999"));
            assertThat(m.node(node, "request-latency-avg")).as("one broker: its latency is the producer's")
                    .isEqualTo(m.producer("request-latency-avg"));
            assertThat(m.node(node, "request-latency-p99")).isEqualTo(m.producer("request-latency-p99"));
            assertThat(m.producer("produce-throttle-time-avg")).isZero();
            assertThat(m.producer("record-retry-total")).isZero();
            assertThat(m.producer("record-error-total")).isZero();
            assertThat(m.producer("buffer-total-bytes")).isEqualTo(BUFFER_MEMORY);
            assertThat(m.producer("bufferpool-wait-ratio")).isZero();
            assertThat(m.producer("buffer-exhausted-total")).isZero();

            // a record over max.request.size fails at send: Kafka counts it in record-error-*
            CompletableFuture<RecordMetadata> tooLarge = producer.send(new ProducerRecord<>(topic, 0, "k", "x".repeat(200_000)));
            assertThat(tooLarge).failsWithin(java.time.Duration.ZERO).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(RecordTooLargeException.class);
            assertThat(m.producer("record-error-total")).isEqualTo(1.0);
            assertThat(m.producer("record-error-rate")).isPositive();

            // JMX: the same values, attribute = metric name
            assertThat((Double) jmx.getAttribute(producerBean, "record-send-total")).isEqualTo(records);
            assertThat((Double) jmx.getAttribute(producerBean, "batch-size-avg")).isEqualTo(m.producer("batch-size-avg"));
            assertThat((Double) jmx.getAttribute(producerBean, "record-error-total")).isEqualTo(1.0);
            assertThat((Double) jmx.getAttribute(topicBean, "byte-total")).isEqualTo(storedBytes);
            assertThat((Double) jmx.getAttribute(nodeBean, "request-latency-avg")).isEqualTo(m.node(node, "request-latency-avg"));
            for (String name : Metrics.ISSUE_10_PRODUCER_METRICS) {
                assertThat(jmx.getAttribute(producerBean, name)).as(name).isInstanceOf(Double.class);
            }
        } finally {
            producer.close();
        }
        assertThat(jmx.queryNames(new ObjectName("io.sluice:client-id=" + clientId + ",*"), null))
                .as("every MBean of the producer is unregistered on close").isEmpty();
        assertThat(m.producer("buffer-available-bytes")).as("every batch's memory went back").isEqualTo(BUFFER_MEMORY);
    }

    @Test
    void everyMetricIssue10ListsExistsWithKafkasGroupAndTags() {
        String topic = kafka.createTopic("metrics-names", 1, 1);
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers(), "client.id", "names",
                "key.serializer", "string", "value.serializer", "string");
        try (Producer<String, String> producer = Producers.create(config)) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).join();
            Metrics m = new Metrics(producer.metrics(), "names");
            for (String name : Metrics.ISSUE_10_PRODUCER_METRICS) {
                assertThat(m.find(name, "producer-metrics", Map.of("client-id", "names"))).as(name).isNotNull();
            }
            for (String name : List.of("record-send-rate", "record-send-total", "byte-rate", "byte-total", "compression-rate")) {
                assertThat(m.find(name, "producer-topic-metrics", Map.of("client-id", "names", "topic", topic))).as(name)
                        .isNotNull();
            }
            int node = kafka.cluster().brokerIds().get(0);
            for (String name : List.of("request-latency-avg", "request-latency-max", "request-latency-p50",
                    "request-latency-p99", "request-latency-p999")) {
                assertThat(m.find(name, "producer-node-metrics", Map.of("client-id", "names", "node-id", "node-" + node)))
                        .as(name).isNotNull();
            }
        }
    }

    private static void sendAndFlush(Producer<String, String> producer, String topic) {
        Random random = new Random(7);
        List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
        for (int i = 0; i < PER_PARTITION; i++) {
            for (int p = 0; p < PARTITIONS; p++) {
                String value = "order " + i + " of partition " + p + " amount " + random.nextInt(100_000) + " " + "x".repeat(60);
                futures.add(producer.send(new ProducerRecord<>(topic, p, "key-" + i, value)));
            }
        }
        producer.flush();
        futures.forEach(CompletableFuture::join);
    }

    /** Reads metrics by name, group and tags (MetricName's equality also compares descriptions). */
    private static final class Metrics {
        static final List<String> ISSUE_10_PRODUCER_METRICS = List.of("record-send-rate", "record-send-total",
                "record-error-rate", "record-retry-rate", "batch-size-avg", "batch-size-max", "records-per-request-avg",
                "compression-rate-avg", "record-queue-time-avg", "record-queue-time-max", "request-latency-avg",
                "request-latency-max", "buffer-available-bytes", "buffer-exhausted-rate", "bufferpool-wait-ratio",
                "produce-throttle-time-avg", "record-queue-time-p50", "record-queue-time-p99", "record-queue-time-p999",
                "request-latency-p50", "request-latency-p99", "request-latency-p999");

        private final Map<MetricName, ? extends Metric> all;
        private final String clientId;

        Metrics(Map<MetricName, ? extends Metric> all, String clientId) {
            this.all = all;
            this.clientId = clientId;
        }

        double producer(String name) {
            return value(name, "producer-metrics", Map.of("client-id", clientId));
        }

        double topic(String topic, String name) {
            return value(name, "producer-topic-metrics", Map.of("client-id", clientId, "topic", topic));
        }

        double node(int node, String name) {
            return value(name, "producer-node-metrics", Map.of("client-id", clientId, "node-id", "node-" + node));
        }

        Metric find(String name, String group, Map<String, String> tags) {
            return all.values().stream().filter(m -> m.metricName().name().equals(name)
                    && m.metricName().group().equals(group) && m.metricName().tags().equals(tags)).findFirst().orElse(null);
        }

        private double value(String name, String group, Map<String, String> tags) {
            Metric metric = find(name, group, tags);
            assertThat(metric).as(group + " " + name + " " + tags).isNotNull();
            return (Double) metric.metricValue();
        }
    }
}
