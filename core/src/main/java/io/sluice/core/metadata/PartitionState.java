package io.sluice.core.metadata;

import io.sluice.api.TopicPartition;
import java.util.Arrays;
import java.util.Objects;

/**
 * One partition as the last metadata response (or a KIP-951 leader hint) described it, by broker
 * ids. Immutable: the arrays are copied in and out.
 */
public final class PartitionState {

    private static final int[] NONE = new int[0];

    private final TopicPartition topicPartition;
    private final int leaderId;
    private final int leaderEpoch;
    private final int[] replicas;
    private final int[] isr;
    private final int[] offline;

    /**
     * @param leaderId    the leader's broker id, -1 if none
     * @param leaderEpoch the leader epoch, -1 if unknown (Metadata before v7)
     */
    public PartitionState(TopicPartition topicPartition, int leaderId, int leaderEpoch, int[] replicas, int[] isr, int[] offline) {
        this.topicPartition = Objects.requireNonNull(topicPartition, "topicPartition");
        this.leaderId = leaderId;
        this.leaderEpoch = leaderEpoch;
        this.replicas = replicas == null ? NONE : replicas.clone();
        this.isr = isr == null ? NONE : isr.clone();
        this.offline = offline == null ? NONE : offline.clone();
    }

    /** A partition listed by nobody: no leader, no replicas (fills a gap in a topic's numbering). */
    static PartitionState leaderless(TopicPartition topicPartition) {
        return new PartitionState(topicPartition, -1, -1, NONE, NONE, NONE);
    }

    /** This partition with another leader and epoch (KIP-951 hints). */
    PartitionState withLeader(int newLeaderId, int newLeaderEpoch) {
        return new PartitionState(topicPartition, newLeaderId, newLeaderEpoch, replicas, isr, offline);
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public int leaderId() {
        return leaderId;
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    public int[] replicas() {
        return replicas.clone();
    }

    public int[] isr() {
        return isr.clone();
    }

    public int[] offline() {
        return offline.clone();
    }

    int[] replicasView() {
        return replicas;
    }

    int[] isrView() {
        return isr;
    }

    int[] offlineView() {
        return offline;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionState p && topicPartition.equals(p.topicPartition) && leaderId == p.leaderId
                && leaderEpoch == p.leaderEpoch && Arrays.equals(replicas, p.replicas) && Arrays.equals(isr, p.isr)
                && Arrays.equals(offline, p.offline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicPartition, leaderId, leaderEpoch) * 31 + Arrays.hashCode(replicas);
    }

    @Override
    public String toString() {
        return topicPartition + "{leader=" + leaderId + ", epoch=" + leaderEpoch + ", replicas=" + Arrays.toString(replicas)
                + ", isr=" + Arrays.toString(isr) + (offline.length == 0 ? "" : ", offline=" + Arrays.toString(offline)) + "}";
    }
}
