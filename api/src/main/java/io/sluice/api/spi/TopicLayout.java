package io.sluice.api.spi;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import java.util.List;

/**
 * A topic's partitions as the producer knows them: how many, their leaders, which are available,
 * and how loaded their brokers are. Handed to {@link Partitioner#partition}; a snapshot that is
 * consistent for the duration of one call. The index-based methods allocate nothing.
 */
public interface TopicLayout {

    /** {@return the topic's name} */
    String topic();

    /**
     * The number of partitions of the topic, available or not. Keyed partitioning uses this
     * number, as the official client does, so a key's partition does not move while a leader is down.
     *
     * @return the number of partitions
     */
    int partitionCount();

    /** {@return all partitions with leader and replicas} */
    List<PartitionInfo> partitions();

    /** {@return the number of partitions that currently have a leader} */
    int availablePartitionCount();

    /**
     * The {@code index}-th available partition, {@code 0 <= index < availablePartitionCount()},
     * in ascending partition order.
     *
     * @param index the position among the available partitions
     * @return the partition number
     */
    int availablePartition(int index);

    /**
     * {@return whether {@code partition} currently has a leader}
     *
     * @param partition the partition number
     */
    boolean isAvailable(int partition);

    /**
     * {@return the leader of {@code partition}, or {@code null} while it has none}
     *
     * @param partition the partition number
     */
    Node leader(int partition);

    /**
     * Batches waiting in the producer for {@code partition} (including the open one), as of the
     * sender's last readiness check; {@code -1} if unknown. Adaptive partitioning prefers shorter queues.
     *
     * @param partition the partition number
     * @return the number of batches, or {@code -1}
     */
    int queuedBatches(int partition);

    /**
     * How long (ms) the leader broker of {@code partition} has had data ready that it could not
     * take (no connection, or at its in-flight limit), as of the last readiness check; 0 if none.
     * {@code partitioner.availability.timeout.ms} compares against this.
     *
     * @param partition the partition number
     * @return the backlog in milliseconds, or 0
     */
    long leaderBacklogMs(int partition);
}
