package io.sluice.core.accumulate;

import io.sluice.api.TopicPartition;
import java.util.ArrayDeque;

/**
 * The batches of one partition, oldest first: the open batch (if any) is the last; the sender
 * drains from the front. Retried batches go back to the front.
 *
 * <p>Guarded by its own monitor: {@code synchronized (queue)} around every access. Never held while
 * waiting for memory or doing I/O; compression happens outside it.
 */
final class PartitionQueue {

    final TopicPartition topicPartition;
    final ArrayDeque<ProducerBatch> batches = new ArrayDeque<>();

    PartitionQueue(TopicPartition topicPartition) {
        this.topicPartition = topicPartition;
    }
}
