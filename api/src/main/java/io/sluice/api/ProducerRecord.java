package io.sluice.api;

import java.util.Objects;

/**
 * A record to send: a topic, an optional partition, an optional timestamp, a key, a value and
 * headers. The same shape and rules as Apache Kafka's {@code ProducerRecord}.
 *
 * <ul>
 *   <li>An explicit {@code partition} always wins over the partitioner.</li>
 *   <li>Without a partition, a record with a key goes to
 *       {@code toPositive(murmur2(keyBytes)) % partitions} (the official client's choice);
 *       a record without a key follows uniform sticky partitioning.</li>
 *   <li>A {@code null} timestamp means "now" (the producer's clock, CreateTime).</li>
 * </ul>
 *
 * <p>Immutable, except for its {@link Headers}, which become read-only once sent.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ProducerRecord<K, V> {

    private final String topic;
    private final Integer partition;
    private final Long timestamp;
    private final K key;
    private final V value;
    private final Headers headers;

    /**
     * A record with every field given.
     *
     * @param topic     the topic to write to, not {@code null}
     * @param partition the partition, or {@code null} to let the partitioner choose
     * @param timestamp milliseconds since the epoch, or {@code null} for the producer's clock at {@code send}
     * @param key       the key, or {@code null} (the default partitioner then uses uniform sticky partitioning)
     * @param value     the value, or {@code null} (a tombstone on a compacted topic)
     * @param headers   the headers, or {@code null} for none; a {@link RecordHeaders} is used as is
     *                  (and becomes read-only on {@code send}), any other iterable is copied
     * @throws IllegalArgumentException if topic is null, partition is negative or timestamp is negative
     * @throws NullPointerException if {@code headers} yields a null header
     */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value, Iterable<Header> headers) {
        if (topic == null) {
            throw new IllegalArgumentException("Topic cannot be null; give the name of the topic to write to");
        }
        if (timestamp != null && timestamp < 0) {
            throw new IllegalArgumentException(
                    "Invalid timestamp: " + timestamp + ". Timestamp should always be non-negative or null.");
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException(
                    "Invalid partition: " + partition + ". Partition number should always be non-negative or null.");
        }
        this.topic = topic;
        this.partition = partition;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = headers instanceof RecordHeaders rh ? rh : new RecordHeaders(headers);
    }

    /**
     * A record without headers.
     *
     * @param topic     the topic to write to, not {@code null}
     * @param partition the partition, or {@code null} to let the partitioner choose
     * @param timestamp milliseconds since the epoch, or {@code null} for the producer's clock at {@code send}
     * @param key       the key, or {@code null}
     * @param value     the value, or {@code null}
     * @throws IllegalArgumentException if topic is null, partition is negative or timestamp is negative
     */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value) {
        this(topic, partition, timestamp, key, value, null);
    }

    /**
     * A record timestamped by the producer's clock at {@code send}.
     *
     * @param topic     the topic to write to, not {@code null}
     * @param partition the partition, or {@code null} to let the partitioner choose
     * @param key       the key, or {@code null}
     * @param value     the value, or {@code null}
     * @param headers   the headers, or {@code null} for none
     * @throws IllegalArgumentException if topic is null or partition is negative
     * @throws NullPointerException if {@code headers} yields a null header
     */
    public ProducerRecord(String topic, Integer partition, K key, V value, Iterable<Header> headers) {
        this(topic, partition, null, key, value, headers);
    }

    /**
     * A record without headers, timestamped by the producer's clock at {@code send}.
     *
     * @param topic     the topic to write to, not {@code null}
     * @param partition the partition, or {@code null} to let the partitioner choose
     * @param key       the key, or {@code null}
     * @param value     the value, or {@code null}
     * @throws IllegalArgumentException if topic is null or partition is negative
     */
    public ProducerRecord(String topic, Integer partition, K key, V value) {
        this(topic, partition, null, key, value, null);
    }

    /**
     * A keyed record: the partitioner chooses the partition (by default from the key's murmur2
     * hash), the producer's clock at {@code send} the timestamp.
     *
     * @param topic the topic to write to, not {@code null}
     * @param key   the key, or {@code null}
     * @param value the value, or {@code null}
     * @throws IllegalArgumentException if topic is null
     */
    public ProducerRecord(String topic, K key, V value) {
        this(topic, null, null, key, value, null);
    }

    /**
     * A record without key: spread by uniform sticky partitioning unless a custom partitioner
     * decides, timestamped by the producer's clock at {@code send}.
     *
     * @param topic the topic to write to, not {@code null}
     * @param value the value, or {@code null}
     * @throws IllegalArgumentException if topic is null
     */
    public ProducerRecord(String topic, V value) {
        this(topic, null, null, null, value, null);
    }

    /** {@return the topic to write to, never {@code null}} */
    public String topic() {
        return topic;
    }

    /** {@return the explicit partition, or {@code null} to let the partitioner choose} */
    public Integer partition() {
        return partition;
    }

    /** {@return the timestamp in milliseconds since the epoch, or {@code null} for "now"} */
    public Long timestamp() {
        return timestamp;
    }

    /** {@return the key as given, before serialization; may be {@code null}} */
    public K key() {
        return key;
    }

    /** {@return the value as given, before serialization; may be {@code null}} */
    public V value() {
        return value;
    }

    /**
     * The record's headers, never {@code null} (empty if none were given). They may be changed
     * until the record is sent; from then on they are read-only.
     *
     * @return the headers, the same instance on every call
     */
    public Headers headers() {
        return headers;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProducerRecord<?, ?> that
                && topic.equals(that.topic)
                && Objects.equals(partition, that.partition)
                && Objects.equals(timestamp, that.timestamp)
                && Objects.equals(key, that.key)
                && Objects.equals(value, that.value)
                && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, timestamp, key, value, headers);
    }

    @Override
    public String toString() {
        return "ProducerRecord(topic=" + topic + ", partition=" + partition + ", headers=" + headers
                + ", key=" + key + ", value=" + value + ", timestamp=" + timestamp + ")";
    }
}
