package io.sluice.core.partition;

import io.sluice.api.config.ProducerConfig;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import java.util.Map;

/**
 * The default partitioner ({@code partitioner.class} unset, or {@code default}), as in Apache Kafka:
 * a record with a key goes to {@code toPositive(murmur2(keyBytes)) % partitionCount}, counting all
 * partitions of the topic, so keys land where the official client puts them; a record without a key
 * is {@link #DEFER}red to the producer's built-in uniform sticky partitioning
 * ({@link BuiltInStickyPartitioner}), like any plugin's deferred record. An empty key is a key.
 *
 * <p>With {@code partitioner.ignore.keys=true} every record is deferred, keys or not.
 *
 * <p>Thread-safety: immutable after {@link #configure}, which the producer calls once before
 * publishing the instance to the sending threads.
 */
public final class DefaultPartitioner implements Partitioner {

    /** The short name, for {@code partitioner.class=default}. */
    public static final String NAME = "default";

    /** Written once in {@link #configure}, read by every sending thread afterwards. */
    private boolean ignoreKeys;

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Reads {@code partitioner.ignore.keys} (a {@code Boolean} or the strings {@code true}/{@code false}).
     *
     * @throws io.sluice.api.errors.ConfigException if the value is neither
     */
    @Override
    public void configure(Map<String, ?> configs) {
        ignoreKeys = PartitionerConfigValues.booleanValue(configs, ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG);
    }

    @Override
    public int partition(PartitionerRecord record, TopicLayout topic) {
        byte[] keyBytes = record.keyBytes();
        if (keyBytes == null || ignoreKeys) {
            return DEFER;
        }
        return Murmur2.partitionForKey(keyBytes, topic.partitionCount());
    }

    @Override
    public String toString() {
        return "DefaultPartitioner{ignoreKeys=" + ignoreKeys + "}";
    }
}
