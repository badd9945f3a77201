package io.sluice.api.spi;

/**
 * Chooses the partition of a record that has no explicit partition.
 *
 * <p>The producer calls {@link #partition} on the thread that calls {@code send}; one instance
 * serves all those threads, so it must be thread-safe. Records with an explicit partition never
 * reach it: an explicit partition always wins (as in Apache Kafka).
 *
 * <p>A partitioner may answer {@link #DEFER} ("no opinion") for any record: the producer then
 * uses its built-in uniform sticky partitioning (KIP-794) for that record, with the adaptive and
 * availability rules of {@code partitioner.adaptive.partitioning.enable} and
 * {@code partitioner.availability.timeout.ms}. The official client's SPI has no such answer.
 *
 * <p>A custom partitioner fits in a few lines:
 * <pre>{@code
 * public final class ByRegion implements Partitioner {
 *     public String name() { return "by-region"; }
 *     public int partition(PartitionerRecord record, TopicLayout topic) {
 *         Header region = record.headers().lastHeader("region");
 *         if (region == null) return DEFER;                // let the built-in logic spread it
 *         return Math.floorMod(Arrays.hashCode(region.value()), topic.partitionCount());
 *     }
 * }
 * }</pre>
 * and is made available with {@code provides io.sluice.api.spi.Partitioner with ByRegion;} in its
 * {@code module-info.java} (and a {@code META-INF/services} entry for the class path), then chosen
 * with {@code partitioner.class=by-region}.
 *
 * <p>Errors: an exception thrown here, or a result outside {@code [0, partitionCount)} other than
 * {@link #DEFER}, fails that one record with an exception naming this partitioner; the producer
 * keeps working.
 */
public interface Partitioner extends Plugin {

    /** "No opinion": let the producer's built-in uniform sticky partitioning choose. */
    int DEFER = -1;

    /**
     * @param record the record, with its serialized key and value
     * @param topic  the topic's partitions, leaders, availability and load, as the producer knows them now
     * @return a partition in {@code [0, topic.partitionCount())}, or {@link #DEFER}
     */
    int partition(PartitionerRecord record, TopicLayout topic);

    /**
     * Told after a record this partitioner chose a partition for was appended to a batch, while
     * that partition's batch queue is still locked (so calls for one partition never overlap).
     * Stateful strategies such as uniform sticky use it to decide when to switch partitions.
     * Must be quick and must not block. The default does nothing.
     *
     * @param topic         the topic
     * @param partition     the partition the record went to
     * @param appendedBytes the bytes the record added to its batch
     * @param batchFull     whether the partition's last batch is now full (the next record opens a new one)
     */
    default void onAppend(String topic, int partition, int appendedBytes, boolean batchFull) {
    }
}
