package io.sluice.core.accumulate;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.spi.TopicLayout;
import java.util.List;

/**
 * A topic's layout from metadata joined with the accumulator's latest load figures (queued batches
 * per partition, backlog of each partition's leader), as {@link io.sluice.api.spi.Partitioner}s see
 * it. One per topic and metadata layout, reused for every record, so a send allocates nothing here.
 *
 * <p>Immutable apart from the load arrays, which the sender thread replaces (never mutates) after
 * each readiness check; a partitioner reads whichever pair was current.
 */
final class LoadAwareLayout implements TopicLayout {

    private final TopicLayout metadata;
    private final TopicLoad load;

    LoadAwareLayout(TopicLayout metadata, TopicLoad load) {
        this.metadata = metadata;
        this.load = load;
    }

    /** The metadata layout this view is built on (to notice when metadata changed). */
    TopicLayout metadata() {
        return metadata;
    }

    @Override
    public String topic() {
        return metadata.topic();
    }

    @Override
    public int partitionCount() {
        return metadata.partitionCount();
    }

    @Override
    public List<PartitionInfo> partitions() {
        return metadata.partitions();
    }

    @Override
    public int availablePartitionCount() {
        return metadata.availablePartitionCount();
    }

    @Override
    public int availablePartition(int index) {
        return metadata.availablePartition(index);
    }

    @Override
    public boolean isAvailable(int partition) {
        return metadata.isAvailable(partition);
    }

    @Override
    public Node leader(int partition) {
        return metadata.leader(partition);
    }

    @Override
    public int queuedBatches(int partition) {
        int[] q = load.queuedBatches;
        return q != null && partition < q.length ? q[partition] : -1;
    }

    @Override
    public long leaderBacklogMs(int partition) {
        long[] b = load.leaderBacklogMs;
        return b != null && partition < b.length ? b[partition] : 0L;
    }

    /** The load figures of one topic; arrays replaced by the sender thread, read by any thread. */
    static final class TopicLoad {
        volatile int[] queuedBatches;
        volatile long[] leaderBacklogMs;
    }
}
