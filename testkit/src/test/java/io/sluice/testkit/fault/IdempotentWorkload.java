package io.sluice.testkit.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The official producer with idempotence (acks=all, 5 in flight) writing numbered records round-robin over a
 * topic's partitions, remembering which were acknowledged, and checking a read-back against that.
 *
 * <p>The test thread sends and verifies; the producer's I/O thread runs the callbacks, which record acks and
 * failures under this object's monitor.
 */
final class IdempotentWorkload implements AutoCloseable {

    private static final String PADDING = "x".repeat(90);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int partitions;
    private int sent; // test thread only

    // guarded by this
    private final BitSet acked = new BitSet();
    private final List<Exception> failures = new ArrayList<>();

    IdempotentWorkload(String bootstrapServers, String topic, int partitions) {
        this.topic = topic;
        this.partitions = partitions;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "fault-test-producer");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 4096); // many small batches: many requests in flight
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000); // a longer stall makes requests time out
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Hands {@code count} more records to the producer (it sends them in the background). */
    void send(int count) {
        for (int i = 0; i < count; i++) {
            int index = sent++;
            byte[] value = (index + "|" + PADDING).getBytes(StandardCharsets.US_ASCII);
            producer.send(new ProducerRecord<>(topic, index % partitions, null, value), (metadata, error) -> {
                synchronized (this) {
                    if (error == null) {
                        acked.set(index);
                    } else {
                        failures.add(error);
                    }
                }
            });
        }
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    void flush() {
        producer.flush();
    }

    int sent() {
        return sent;
    }

    synchronized int acked() {
        return acked.cardinality();
    }

    /** The producer's {@code record-retry-total}: records it had to send again after a failed attempt. */
    double retries() {
        return producer.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("record-retry-total")
                        && metric.getKey().group().equals("producer-metrics"))
                .mapToDouble(metric -> (Double) metric.getValue().metricValue())
                .sum();
    }

    synchronized List<Exception> failures() {
        return List.copyOf(failures);
    }

    /** Checks what was read (ordered by partition, then offset) against what was sent and acknowledged. */
    synchronized DeliveryReport verify(List<ConsumerRecord<byte[], byte[]>> read) {
        BitSet seen = new BitSet();
        int[] last = new int[partitions];
        java.util.Arrays.fill(last, -1);
        int duplicated = 0;
        int reordered = 0;
        int misplaced = 0;
        List<String> examples = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : read) {
            String value = new String(record.value(), StandardCharsets.US_ASCII);
            int index = Integer.parseInt(value.substring(0, value.indexOf('|')));
            String where = "record " + index + " at " + record.partition() + "@" + record.offset();
            if (record.partition() != index % partitions) {
                misplaced++;
                examples.add(where + ": wrong partition");
            }
            if (seen.get(index)) {
                duplicated++;
                examples.add(where + ": duplicate");
            } else if (index < last[record.partition()]) {
                reordered++;
                examples.add(where + ": after record " + last[record.partition()]);
            }
            seen.set(index);
            last[record.partition()] = Math.max(last[record.partition()], index);
        }
        BitSet lost = (BitSet) acked.clone();
        lost.andNot(seen);
        lost.stream().limit(5).forEach(index -> examples.add("record " + index + ": acknowledged, not read"));
        return new DeliveryReport(sent, acked.cardinality(), failures.size(), read.size(), lost.cardinality(),
                duplicated, reordered, misplaced, examples.subList(0, Math.min(10, examples.size())));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
