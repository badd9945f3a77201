package io.sluice.it.reliability;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.core.Producers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Sluice's producer (idempotent, acks=all, the default) writing numbered records over a topic's
 * partitions from several lanes (a lane is one thread's records to one partition, so its order is
 * the send order), remembering which were acknowledged and which failed, and checking a read-back.
 *
 * <p>Sending threads call {@link #send}; callbacks run on the producer's sender thread and record
 * outcomes under this object's monitor.
 */
final class SluiceWorkload implements AutoCloseable {

    private static final String PADDING = "x".repeat(80);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final int partitions;

    // guarded by this
    private final BitSet acked = new BitSet();
    private final BitSet failedRecords = new BitSet();
    private final List<Exception> failures = new ArrayList<>();
    private long sent;

    SluiceWorkload(String bootstrapServers, String topic, int partitions, Map<String, Object> overrides) {
        this.topic = topic;
        this.partitions = partitions;
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", "sluice-reliability");
        config.put("key.serializer", "bytearray");
        config.put("value.serializer", "bytearray");
        config.put("linger.ms", 5);
        config.put("batch.size", 4096); // many small batches: many requests in flight
        config.put("request.timeout.ms", 3000);
        config.put("delivery.timeout.ms", 120_000);
        config.put("retry.backoff.ms", 50);
        config.put("retry.backoff.max.ms", 500);
        config.put("reconnect.backoff.ms", 50);
        config.put("reconnect.backoff.max.ms", 500);
        config.putAll(overrides);
        producer = Producers.create(config);
    }

    /** Sends records {@code first .. first+count-1}; record n goes to partition n % partitions. */
    void send(int first, int count) {
        for (int index = first; index < first + count; index++) {
            int n = index;
            byte[] value = (n + "|" + PADDING).getBytes(StandardCharsets.US_ASCII);
            synchronized (this) {
                sent++;
            }
            producer.send(new ProducerRecord<>(topic, n % partitions, null, value), (metadata, error) -> {
                synchronized (this) {
                    if (error == null) {
                        acked.set(n);
                    } else {
                        failedRecords.set(n);
                        if (failures.size() < 20) {
                            failures.add(error);
                        }
                    }
                }
            });
        }
    }

    void flush() {
        producer.flush();
    }

    synchronized long acked() {
        return acked.cardinality();
    }

    synchronized List<Exception> failures() {
        return List.copyOf(failures);
    }

    /**
     * Checks the read-back (ordered by partition then offset) against what was acknowledged: each record
     * once, and within a partition each lane's records in the order they were sent.
     *
     * @param laneBlock sending thread k sent record numbers [k * laneBlock, (k + 1) * laneBlock) in order
     */
    synchronized DeliveryReport verify(List<ConsumerRecord<byte[], byte[]>> read, int laneBlock, Map<String, Long> faults) {
        BitSet seen = new BitSet();
        Map<String, Integer> lastPerLane = new HashMap<>();
        long duplicated = 0;
        long reordered = 0;
        List<String> examples = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : read) {
            String value = new String(record.value(), StandardCharsets.US_ASCII);
            int n = Integer.parseInt(value.substring(0, value.indexOf('|')));
            String where = "record " + n + " at " + record.partition() + "@" + record.offset();
            String lane = record.partition() + "/" + (n / laneBlock);
            if (seen.get(n)) {
                duplicated++;
                examples.add(where + ": duplicate");
            } else {
                Integer last = lastPerLane.get(lane);
                if (last != null && n < last) {
                    reordered++;
                    examples.add(where + ": after record " + last);
                }
                lastPerLane.merge(lane, n, Math::max);
            }
            seen.set(n);
        }
        BitSet lost = (BitSet) acked.clone();
        lost.andNot(seen);
        lost.stream().limit(5).forEach(n -> examples.add("record " + n + ": acknowledged, not read"));
        return new DeliveryReport(sent, acked.cardinality(), failedRecords.cardinality(), read.size(), lost.cardinality(),
                duplicated, reordered, faults, examples.subList(0, Math.min(10, examples.size())));
    }

    double metric(String name) {
        return producer.metrics().entrySet().stream()
                .filter(m -> m.getKey().name().equals(name) && m.getKey().group().equals("producer-metrics"))
                .mapToDouble(m -> (Double) m.getValue().metricValue()).sum();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(60));
    }
}
