package io.sluice.core.partition;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.spi.TopicLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A general, immutable {@link TopicLayout}: one topic's partitions and leaders from metadata, plus
 * optional load figures (queued batches and leader backlog per partition) from the accumulator and
 * sender. Meant for the metadata layer to publish one per topic and metadata version (and a copy
 * {@link #withLoad with load} after each readiness check); everything a partitioner calls is an
 * array lookup.
 *
 * <p>Partitions must be numbered {@code 0..n-1}, each once, as Kafka's metadata lists them (a
 * partition without a leader is still listed, with a {@code null} leader).
 *
 * <p>Thread-safety: immutable; safe to share between any threads.
 */
public final class ImmutableTopicLayout implements TopicLayout {

    private final String topic;
    private final List<PartitionInfo> partitions;
    private final Node[] leaders;
    private final int[] available;
    /** Per partition, or {@code null}: unknown for all. */
    private final int[] queuedBatches;
    /** Per partition, or {@code null}: 0 for all. */
    private final long[] leaderBacklogMs;

    private ImmutableTopicLayout(String topic, List<PartitionInfo> partitions, Node[] leaders, int[] available,
                                 int[] queuedBatches, long[] leaderBacklogMs) {
        this.topic = topic;
        this.partitions = partitions;
        this.leaders = leaders;
        this.available = available;
        this.queuedBatches = queuedBatches;
        this.leaderBacklogMs = leaderBacklogMs;
    }

    /**
     * The layout of {@code topic} from its partitions in any order, without load figures
     * ({@link #queuedBatches} answers -1, {@link #leaderBacklogMs} 0).
     *
     * @throws IllegalArgumentException if a partition belongs to another topic, or the numbers are not 0..n-1
     */
    public static ImmutableTopicLayout of(String topic, List<PartitionInfo> partitions) {
        Objects.requireNonNull(topic, "topic");
        List<PartitionInfo> sorted = new ArrayList<>(partitions);
        sorted.sort(Comparator.comparingInt(PartitionInfo::partition));
        Node[] leaders = new Node[sorted.size()];
        int[] available = new int[sorted.size()];
        int availableCount = 0;
        for (int i = 0; i < sorted.size(); i++) {
            PartitionInfo info = sorted.get(i);
            if (!info.topic().equals(topic)) {
                throw new IllegalArgumentException("Partition " + info.partition() + " of topic \"" + info.topic()
                        + "\" given for the layout of topic \"" + topic + "\"");
            }
            if (info.partition() != i) {
                throw new IllegalArgumentException("Topic \"" + topic + "\" has " + sorted.size() + " partitions but they are "
                        + "numbered " + numbers(sorted) + "; expected 0.." + (sorted.size() - 1) + ", each once");
            }
            leaders[i] = info.leader();
            if (info.leader() != null) {
                available[availableCount++] = i;
            }
        }
        return new ImmutableTopicLayout(topic, List.copyOf(sorted), leaders, Arrays.copyOf(available, availableCount),
                null, null);
    }

    /**
     * A copy with load figures; the arrays are copied.
     *
     * @param queuedBatches   batches waiting per partition (-1 unknown), or {@code null} if unknown for all
     * @param leaderBacklogMs how long (ms) each partition's leader has had data ready it could not take, or
     *                        {@code null} for 0
     * @throws IllegalArgumentException if an array's length is not the partition count
     */
    public ImmutableTopicLayout withLoad(int[] queuedBatches, long[] leaderBacklogMs) {
        checkLength("queuedBatches", queuedBatches == null ? -1 : queuedBatches.length);
        checkLength("leaderBacklogMs", leaderBacklogMs == null ? -1 : leaderBacklogMs.length);
        return new ImmutableTopicLayout(topic, partitions, leaders, available,
                queuedBatches == null ? null : queuedBatches.clone(),
                leaderBacklogMs == null ? null : leaderBacklogMs.clone());
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int partitionCount() {
        return leaders.length;
    }

    @Override
    public List<PartitionInfo> partitions() {
        return partitions;
    }

    @Override
    public int availablePartitionCount() {
        return available.length;
    }

    @Override
    public int availablePartition(int index) {
        return available[index];
    }

    @Override
    public boolean isAvailable(int partition) {
        return partition >= 0 && partition < leaders.length && leaders[partition] != null;
    }

    @Override
    public Node leader(int partition) {
        return leaders[partition];
    }

    @Override
    public int queuedBatches(int partition) {
        Objects.checkIndex(partition, leaders.length);
        return queuedBatches == null ? -1 : queuedBatches[partition];
    }

    @Override
    public long leaderBacklogMs(int partition) {
        Objects.checkIndex(partition, leaders.length);
        return leaderBacklogMs == null ? 0L : leaderBacklogMs[partition];
    }

    @Override
    public String toString() {
        return "TopicLayout{" + topic + ", partitions=" + leaders.length + ", available=" + available.length + "}";
    }

    private void checkLength(String what, int length) {
        if (length != -1 && length != leaders.length) {
            throw new IllegalArgumentException(what + " has " + length + " entries but topic \"" + topic + "\" has "
                    + leaders.length + " partitions");
        }
    }

    private static String numbers(List<PartitionInfo> sorted) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < sorted.size() && i < 20; i++) {
            sb.append(i == 0 ? "" : ", ").append(sorted.get(i).partition());
        }
        return sb.append(sorted.size() > 20 ? ", ...]" : "]").toString();
    }
}
