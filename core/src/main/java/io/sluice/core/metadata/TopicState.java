package io.sluice.core.metadata;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.TopicPartition;
import io.sluice.core.partition.ImmutableTopicLayout;
import io.sluice.core.protocol.Uuids;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One topic inside a {@link Cluster}: its id and partitions by number, with the API view
 * ({@link PartitionInfo}s) and the {@link ImmutableTopicLayout} partitioners get. Immutable.
 */
final class TopicState {

    final String name;
    final UUID topicId;
    final boolean internal;
    /** Index = partition number, 0..n-1 without gaps. */
    final PartitionState[] partitions;
    final ImmutableTopicLayout layout;

    private TopicState(String name, UUID topicId, boolean internal, PartitionState[] partitions, ImmutableTopicLayout layout) {
        this.name = name;
        this.topicId = topicId;
        this.internal = internal;
        this.partitions = partitions;
        this.layout = layout;
    }

    /**
     * The topic from its partitions in any order; a missing number is filled with a leaderless
     * partition so partition numbers stay 0..n-1 (as keyed partitioning needs).
     *
     * @param nodesById the cluster's brokers, to turn ids into {@link Node}s
     */
    static TopicState of(String name, UUID topicId, boolean internal, List<PartitionState> partitions, Map<Integer, Node> nodesById) {
        Objects.requireNonNull(name, "name");
        int count = 0;
        for (PartitionState partition : partitions) {
            if (!partition.topicPartition().topic().equals(name)) {
                throw new IllegalArgumentException("Partition " + partition.topicPartition() + " given for topic " + name);
            }
            count = Math.max(count, partition.topicPartition().partition() + 1);
        }
        PartitionState[] byNumber = new PartitionState[count];
        for (PartitionState partition : partitions) {
            byNumber[partition.topicPartition().partition()] = partition;
        }
        for (int i = 0; i < count; i++) {
            if (byNumber[i] == null) {
                byNumber[i] = PartitionState.leaderless(new TopicPartition(name, i));
            }
        }
        return build(name, topicId == null ? Uuids.ZERO : topicId, internal, byNumber, nodesById);
    }

    /** This topic with one partition replaced. */
    TopicState with(PartitionState partition, Map<Integer, Node> nodesById) {
        PartitionState[] copy = Arrays.copyOf(partitions, partitions.length);
        copy[partition.topicPartition().partition()] = partition;
        return build(name, topicId, internal, copy, nodesById);
    }

    /** The same partitions against another set of brokers (leaders resolved again). */
    TopicState withNodes(Map<Integer, Node> nodesById) {
        return build(name, topicId, internal, partitions, nodesById);
    }

    private static TopicState build(String name, UUID topicId, boolean internal, PartitionState[] partitions, Map<Integer, Node> nodesById) {
        List<PartitionInfo> infos = new ArrayList<>(partitions.length);
        for (PartitionState partition : partitions) {
            infos.add(new PartitionInfo(name, partition.topicPartition().partition(),
                    partition.leaderId() < 0 ? null : nodesById.get(partition.leaderId()),
                    nodes(partition.replicasView(), nodesById), nodes(partition.isrView(), nodesById),
                    nodes(partition.offlineView(), nodesById)));
        }
        return new TopicState(name, topicId, internal, partitions, ImmutableTopicLayout.of(name, infos));
    }

    /** Brokers by id; an id the cluster does not list becomes a node without address, as in Kafka. */
    private static List<Node> nodes(int[] ids, Map<Integer, Node> nodesById) {
        List<Node> nodes = new ArrayList<>(ids.length);
        for (int id : ids) {
            Node node = nodesById.get(id);
            nodes.add(node != null ? node : new Node(id, "", -1));
        }
        return nodes;
    }
}
