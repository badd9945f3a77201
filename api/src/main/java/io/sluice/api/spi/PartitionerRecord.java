package io.sluice.api.spi;

import io.sluice.api.Headers;

/**
 * What a {@link Partitioner} sees of a record: its topic, its key and value as the user gave them
 * and as serialized, and its headers. Valid only during the call to
 * {@link Partitioner#partition}: the producer may reuse the object.
 */
public interface PartitionerRecord {

    /** {@return the record's topic, never {@code null}} */
    String topic();

    /** {@return the key object as the user gave it, or {@code null}} */
    Object key();

    /**
     * {@return the serialized key, or {@code null} if the key serialized to null} Do not modify: the
     * same bytes are written to the batch.
     */
    byte[] keyBytes();

    /** {@return the value object as the user gave it, or {@code null}} */
    Object value();

    /**
     * {@return the serialized value, or {@code null} if the value serialized to null} Do not modify:
     * the same bytes are written to the batch.
     */
    byte[] valueBytes();

    /** {@return the record's headers, read-only; never {@code null}} */
    Headers headers();
}
