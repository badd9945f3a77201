package io.sluice.partitioners;

import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code partitioner.class=round-robin}: each record goes to the next partition in turn, keys or not,
 * with Apache Kafka's {@code RoundRobinPartitioner} semantics: one counter per topic, taken modulo the
 * partitions that have a leader, or modulo all partitions if none has one.
 *
 * <p><b>When to use it:</b> when every record must spread evenly over the partitions, record by record,
 * and neither key order nor batch size matters (e.g. small topics feeding parallel consumers that must
 * all stay busy). It makes one small batch per partition per linger period, so it batches far worse
 * than the default's sticky partitioning; and keyed records lose their per-key order. For even spread
 * with good batching, keep the default.
 *
 * <p>Kafka's version skips partitions (with an even partition count it used only half of them,
 * KAFKA-9965 / KAFKA-16283, fixed in 3.9 by KAFKA-17632): its producer called {@code partition()} a
 * second time, after {@code onNewBatch}, whenever a record opened a new batch, advancing the counter
 * twice. Sluice asks a partitioner exactly once per record and has no {@code onNewBatch}, so the
 * cycle here is clean: within one thread's run of sends, consecutive records visit consecutive
 * available partitions.
 *
 * <p>Thread-safety: lock-free; one counter per topic in a concurrent map, shared by all sending threads.
 */
public final class RoundRobinPartitioner implements Partitioner {

    private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "round-robin";
    }

    @Override
    public int partition(PartitionerRecord record, TopicLayout topic) {
        int next = KeyHash.toPositive(counter(topic.topic()).getAndIncrement());
        int available = topic.availablePartitionCount();
        if (available > 0) {
            return topic.availablePartition(next % available);
        }
        return next % topic.partitionCount();
    }

    private AtomicInteger counter(String topic) {
        AtomicInteger counter = counters.get(topic);
        return counter != null ? counter : counters.computeIfAbsent(topic, t -> new AtomicInteger());
    }
}
