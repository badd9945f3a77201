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

    public RecordMetadata(TopicPartition topicPartition, long offset, long timestamp,
                          int serializedKeySize, int serializedValueSize) {
        this.topicPartition = topicPartition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
    }

    public String topic() {
        return topicPartition.topic();
    }

    public int partition() {
        return topicPartition.partition();
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public boolean hasOffset() {
        return offset >= 0;
    }

    /** The record's offset in its partition, or {@link #UNKNOWN_OFFSET}. */
    public long offset() {
        return offset;
    }

    public boolean hasTimestamp() {
        return timestamp >= 0;
    }

    /** The record's timestamp, or {@link #NO_TIMESTAMP}. */
    public long timestamp() {
        return timestamp;
    }

    /** Bytes of the serialized key, or {@link #NULL_SIZE} for a null key. */
    public int serializedKeySize() {
        return serializedKeySize;
    }

    /** Bytes of the serialized value, or {@link #NULL_SIZE} for a null value. */
    public int serializedValueSize() {
        return serializedValueSize;
    }

    @Override
    public String toString() {
        return topicPartition + "@" + offset;
    }
}
