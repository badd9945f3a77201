package io.sluice.core.accumulate;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import java.util.List;

/**
 * What the accumulator needs to know of the cluster: who leads a partition, and which partitions a
 * broker leads. The metadata layer's cluster snapshot provides it; immutable per snapshot.
 */
public interface PartitionLeaders {

    /** The leader of {@code topic}-{@code partition}, or {@code null} if unknown or leaderless. */
    Node leaderFor(String topic, int partition);

    /** The partitions {@code nodeId} leads, in a stable order. */
    List<TopicPartition> partitionsLedBy(int nodeId);
}
