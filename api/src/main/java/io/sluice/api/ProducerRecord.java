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
     * @throws IllegalArgumentException if topic is null, partition is negative or timestamp is negative
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

    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value) {
        this(topic, partition, timestamp, key, value, null);
    }

    public ProducerRecord(String topic, Integer partition, K key, V value, Iterable<Header> headers) {
        this(topic, partition, null, key, value, headers);
    }

    public ProducerRecord(String topic, Integer partition, K key, V value) {
        this(topic, partition, null, key, value, null);
    }

    public ProducerRecord(String topic, K key, V value) {
        this(topic, null, null, key, value, null);
    }

    public ProducerRecord(String topic, V value) {
        this(topic, null, null, null, value, null);
    }

    public String topic() {
        return topic;
    }

    /** The explicit partition, or {@code null} to let the partitioner choose. */
    public Integer partition() {
        return partition;
    }

    /** The timestamp in milliseconds since the epoch, or {@code null} for "now". */
    public Long timestamp() {
        return timestamp;
    }

    public K key() {
        return key;
    }

    public V value() {
        return value;
    }

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
