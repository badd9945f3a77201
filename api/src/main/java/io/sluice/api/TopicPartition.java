package io.sluice.api;

import java.util.Objects;

/**
 * A topic name and a partition number.
 *
 * @param topic     the topic, never null
 * @param partition the partition, 0-based; -1 where no partition was chosen yet
 */
public record TopicPartition(String topic, int partition) {

    /**
     * Checks only the topic: the partition is not range-checked, since -1 stands for "not chosen yet".
     *
     * @param topic     the topic, not {@code null}
     * @param partition the partition, 0-based; -1 where no partition was chosen yet
     * @throws NullPointerException if {@code topic} is null
     */
    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
