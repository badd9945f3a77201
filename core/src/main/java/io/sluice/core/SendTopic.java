package io.sluice.core;

import io.sluice.core.accumulate.AppendObserver;
import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.accumulate.TopicQueues;
import io.sluice.core.partition.PartitionChooser;
import io.sluice.core.partition.StickyTopicState;

/**
 * One topic as the send path needs it, looked up once per {@code send} instead of once per station:
 * the accumulator's queues of the topic and the built-in sticky partitioning's state of the topic,
 * and the append observer that tells the partitioner about appends to it. Before, every send looked
 * the topic name up in the accumulator's map twice and in the sticky partitioner's map three times.
 *
 * <p>Immutable, shared by every sending thread. Safe to keep for the producer's life: both the
 * accumulator and the sticky partitioner keep a topic's state once created, and neither depends on
 * metadata; the topic's metadata (partition count, leaders; a deleted and re-created topic) is read
 * afresh on every send and given to the partitioner with each call.
 */
final class SendTopic implements AppendObserver {

    final String name;
    final TopicQueues queues;
    final StickyTopicState sticky;
    private final PartitionChooser chooser;

    SendTopic(String name, RecordAccumulator accumulator, PartitionChooser chooser) {
        this.name = name;
        this.queues = accumulator.topic(name);
        this.sticky = chooser.stickyState(name);
        this.chooser = chooser;
    }

    @Override
    public void onAppend(long choice, String topic, int appendedBytes, boolean batchFull) {
        chooser.onAppend(choice, name, sticky, appendedBytes, batchFull);
    }

    @Override
    public boolean isStale(long choice, String topic) {
        return chooser.isStale(choice, sticky);
    }
}
