package io.sluice.core.partition;

import io.sluice.api.config.ProducerConfig;
import io.sluice.api.errors.ConfigException;
import java.util.Map;

/**
 * The settings of the built-in uniform sticky partitioning (KIP-794), with Kafka's keys and defaults.
 *
 * @param stickyBatchSize       bytes to produce to one partition before switching: {@code batch.size},
 *                              at least 1 (Kafka uses {@code max(1, batch.size)}, so {@code batch.size=0}
 *                              switches after every record)
 * @param adaptive              {@code partitioner.adaptive.partitioning.enable}: prefer partitions with
 *                              shorter queues when switching
 * @param availabilityTimeoutMs {@code partitioner.availability.timeout.ms}: when &gt; 0 (and adaptive),
 *                              skip partitions whose leader could not take data for longer than this
 */
public record StickySettings(int stickyBatchSize, boolean adaptive, long availabilityTimeoutMs) {

    /** Kafka's defaults: {@code batch.size=16384}, adaptive on, no availability timeout. */
    public static final StickySettings DEFAULTS = from(Map.of());

    public StickySettings {
        if (stickyBatchSize < 1) {
            throw new IllegalArgumentException("stickyBatchSize must be >= 1, was " + stickyBatchSize);
        }
        if (availabilityTimeoutMs < 0) {
            throw new IllegalArgumentException("availabilityTimeoutMs must be >= 0, was " + availabilityTimeoutMs);
        }
    }

    /**
     * Reads {@code batch.size}, {@code partitioner.adaptive.partitioning.enable} and
     * {@code partitioner.availability.timeout.ms} from a producer configuration map; values may be
     * parsed ({@code Integer}, {@code Long}, {@code Boolean}) or strings; absent keys take Kafka's defaults.
     *
     * @throws ConfigException naming the key and value if one is malformed or negative
     */
    public static StickySettings from(Map<String, ?> configs) {
        int batchSize = PartitionerConfigValues.intValue(configs, ProducerConfig.BATCH_SIZE_CONFIG);
        if (batchSize < 0) {
            throw new ConfigException(ProducerConfig.BATCH_SIZE_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG + "=" + batchSize
                    + " is negative; give 0 (no batching) or a size in bytes such as 16384.");
        }
        long timeoutMs = PartitionerConfigValues.longValue(configs, ProducerConfig.PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG);
        if (timeoutMs < 0) {
            throw new ConfigException(ProducerConfig.PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG,
                    ProducerConfig.PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG + "=" + timeoutMs
                            + " is negative; give 0 (off) or a time in ms.");
        }
        boolean adaptive = PartitionerConfigValues.booleanValue(configs,
                ProducerConfig.PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG);
        return new StickySettings(Math.max(1, batchSize), adaptive, timeoutMs);
    }
}
