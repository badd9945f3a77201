package io.sluice.core.accumulate;

import io.sluice.api.TopicPartition;
import java.util.Arrays;

/**
 * The partition queues of one topic, indexed by partition number, so that an append finds its
 * queue with an array lookup (no {@code TopicPartition} per record). Grows when a topic gains
 * partitions.
 *
 * <p>Thread-safe: the array is replaced copy-on-write under this object's monitor; readers see a
 * consistent array through the volatile field.
 *
 * <p>Public only as an opaque handle: a sending thread gets it once per record from
 * {@link RecordAccumulator#topic} and passes it to {@link RecordAccumulator#layout(TopicQueues,
 * io.sluice.api.spi.TopicLayout)} and {@link RecordAccumulator#append(TopicQueues, int, long, byte[], byte[],
 * io.sluice.api.Headers, io.sluice.api.Callback, long, AppendObserver, long, long)}, which saves looking
 * the topic up again. The accumulator never drops a topic's queues, so a handle stays valid for the
 * producer's life; metadata changes reach it through the layout given with each call.
 */
public final class TopicQueues {

    final String topic;
    final LoadAwareLayout.TopicLoad load = new LoadAwareLayout.TopicLoad();
    private volatile PartitionQueue[] queues = new PartitionQueue[0];
    private volatile LoadAwareLayout layout;

    TopicQueues(String topic) {
        this.topic = topic;
    }

    /** The queue of {@code partition}, created on first use. */
    PartitionQueue queue(int partition) {
        PartitionQueue[] current = queues;
        if (partition < current.length) {
            PartitionQueue q = current[partition];
            if (q != null) {
                return q;
            }
        }
        return create(partition);
    }

    /** The queue of {@code partition} if it exists, else null. */
    PartitionQueue existing(int partition) {
        PartitionQueue[] current = queues;
        return partition < current.length ? current[partition] : null;
    }

    /**
     * The layout partitioners see: {@code metadata} joined with this topic's load. Reuses the last
     * one while metadata stays the same object, so the per-record path allocates nothing.
     */
    io.sluice.api.spi.TopicLayout layout(io.sluice.api.spi.TopicLayout metadata) {
        LoadAwareLayout current = layout;
        if (current == null || current.metadata() != metadata) {
            current = new LoadAwareLayout(metadata, load);
            layout = current;
        }
        return current;
    }

    /** A snapshot of the queues (entries may be null for partitions never written). */
    PartitionQueue[] all() {
        return queues;
    }

    private synchronized PartitionQueue create(int partition) {
        PartitionQueue[] current = queues;
        if (partition < current.length && current[partition] != null) {
            return current[partition];
        }
        PartitionQueue[] grown = partition < current.length ? current.clone() : Arrays.copyOf(current, partition + 1);
        PartitionQueue q = new PartitionQueue(new TopicPartition(topic, partition));
        grown[partition] = q;
        queues = grown;
        return q;
    }
}
