/**
 * The partitioner station: which partition each record goes to, as Apache Kafka decides it.
 *
 * <p>{@link io.sluice.core.partition.PartitionChooser} is the entry point for the producer: explicit
 * partition, else the configured {@link io.sluice.api.spi.Partitioner} (by default
 * {@link io.sluice.core.partition.DefaultPartitioner}: murmur2 of the key), else, when it answers
 * {@code DEFER}, {@link io.sluice.core.partition.BuiltInStickyPartitioner} (KIP-794 uniform sticky,
 * adaptive). {@link io.sluice.core.partition.Murmur2} is Kafka's key hash, bit for bit.
 * {@link io.sluice.core.partition.ImmutableTopicLayout} is a general {@link io.sluice.api.spi.TopicLayout}
 * for the metadata layer to publish.
 */
package io.sluice.core.partition;
