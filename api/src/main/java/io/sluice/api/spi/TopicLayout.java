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

    String topic();

    /**
     * The number of partitions of the topic, available or not. Keyed partitioning uses this
     * number, as the official client does, so a key's partition does not move while a leader is down.
     */
    int partitionCount();

    /** All partitions with leader and replicas. */
    List<PartitionInfo> partitions();

    /** The number of partitions that currently have a leader. */
    int availablePartitionCount();

    /**
     * The {@code index}-th available partition, {@code 0 <= index < availablePartitionCount()},
     * in ascending partition order.
     */
    int availablePartition(int index);

    /** Whether {@code partition} currently has a leader. */
    boolean isAvailable(int partition);

    /** The leader of {@code partition}, or {@code null} while it has none. */
    Node leader(int partition);

    /**
     * Batches waiting in the producer for {@code partition} (including the open one), as of the
     * sender's last readiness check; {@code -1} if unknown. Adaptive partitioning prefers shorter queues.
     */
    int queuedBatches(int partition);

    /**
     * How long (ms) the leader broker of {@code partition} has had data ready that it could not
     * take (no connection, or at its in-flight limit), as of the last readiness check; 0 if none.
     * {@code partitioner.availability.timeout.ms} compares against this.
     */
    long leaderBacklogMs(int partition);
}
