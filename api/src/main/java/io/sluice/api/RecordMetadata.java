package io.sluice.api;

/**
 * Where a record was written, as acknowledged by the broker.
 *
 * <p>With {@code acks=0} the broker sends no response: the offset is {@link #UNKNOWN_OFFSET}.
 * The timestamp is the record's CreateTime, or the broker's time when the topic uses
 * LogAppendTime.
 */
public final class RecordMetadata {

    /** Offset reported when none is known: {@code acks=0}, a failure, or a duplicate batch. */
    public static final long UNKNOWN_OFFSET = -1L;
    /** Timestamp reported when none is known. */
    public static final long NO_TIMESTAMP = -1L;
    /** Size reported for a {@code null} key or value. */
    public static final int NULL_SIZE = -1;

    private final TopicPartition topicPartition;
    private final long offset;
    private final long timestamp;
    private final int serializedKeySize;
    private final int serializedValueSize;

    /**
     * Metadata as the producer reports it; user code rarely makes one (tests and interceptors may).
     * No value is checked.
     *
     * @param topicPartition      where the record went, not {@code null}; partition -1 if the record
     *                            failed before one was chosen
     * @param offset              the record's offset, or {@link #UNKNOWN_OFFSET}
     * @param timestamp           the record's timestamp (ms since the epoch), or {@link #NO_TIMESTAMP}
     * @param serializedKeySize   bytes of the serialized key, or {@link #NULL_SIZE}
     * @param serializedValueSize bytes of the serialized value, or {@link #NULL_SIZE}
     */
    public RecordMetadata(TopicPartition topicPartition, long offset, long timestamp,
                          int serializedKeySize, int serializedValueSize) {
        this.topicPartition = topicPartition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
    }

    /** {@return the record's topic, never {@code null}} */
    public String topic() {
        return topicPartition.topic();
    }

    /** {@return the record's partition, or -1 if it failed before a partition was chosen} */
    public int partition() {
        return topicPartition.partition();
    }

    /** {@return the record's topic and partition together, never {@code null}} */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /**
     * {@return whether the broker reported an offset} {@code false} with {@code acks=0}, on failure,
     * and for a duplicate batch.
     */
    public boolean hasOffset() {
        return offset >= 0;
    }

    /** {@return the record's offset in its partition, or {@link #UNKNOWN_OFFSET}} */
    public long offset() {
        return offset;
    }

    /**
     * {@return whether the timestamp is known} {@code false} only for a record that failed before it
     * was buffered (while {@code send} ran).
     */
    public boolean hasTimestamp() {
        return timestamp >= 0;
    }

    /** {@return the record's timestamp in milliseconds since the epoch, or {@link #NO_TIMESTAMP}} */
    public long timestamp() {
        return timestamp;
    }

    /** {@return the bytes of the serialized key, or {@link #NULL_SIZE} for a null key} */
    public int serializedKeySize() {
        return serializedKeySize;
    }

    /** {@return the bytes of the serialized value, or {@link #NULL_SIZE} for a null value} */
    public int serializedValueSize() {
        return serializedValueSize;
    }

    @Override
    public String toString() {
        return topicPartition + "@" + offset;
    }
}
