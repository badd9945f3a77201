package io.sluice.api.spi;

import io.sluice.api.Headers;

/**
 * What a {@link Partitioner} sees of a record: its topic, its key and value as the user gave them
 * and as serialized, and its headers. Valid only during the call to
 * {@link Partitioner#partition}: the producer may reuse the object.
 */
public interface PartitionerRecord {

    String topic();

    /** The key object, or {@code null}. */
    Object key();

    /** The serialized key, or {@code null} if the key is null. Do not modify. */
    byte[] keyBytes();

    /** The value object, or {@code null}. */
    Object value();

    /** The serialized value, or {@code null} if the value is null. Do not modify. */
    byte[] valueBytes();

    /** The record's headers (read-only). */
    Headers headers();
}
