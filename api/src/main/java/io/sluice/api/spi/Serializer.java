package io.sluice.api.spi;

import io.sluice.api.Headers;
import java.util.Map;

/**
 * Turns a key or value into bytes, as Apache Kafka's {@code Serializer}: porting one is a matter
 * of changing the import.
 *
 * <p>Called on the thread that calls {@code send}; one instance is shared by all those threads,
 * so an implementation must be thread-safe (stateless is easiest). An exception thrown here
 * fails that one record with a {@link io.sluice.api.errors.SerializationException} and leaves the
 * producer working.
 *
 * <p>For the allocation-free path, see {@link BufferSerializer}.
 *
 * @param <T> the type serialized
 */
public interface Serializer<T> extends Plugin {

    /**
     * Configures this serializer as the key ({@code isKey}) or value serializer. The default calls
     * {@link #configure(Map)}.
     *
     * @param configs the producer's configuration, as for {@link Plugin#configure(Map)}
     * @param isKey   {@code true} for the key serializer ({@code key.serializer}), {@code false} for the
     *                value serializer ({@code value.serializer})
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
        configure(configs);
    }

    /**
     * @param topic the record's topic
     * @param data  the value to serialize; may be null
     * @return the bytes, or {@code null} (written as a null key or value, i.e. a tombstone)
     */
    byte[] serialize(String topic, T data);

    /**
     * Like {@link #serialize(String, Object)}, with the record's headers, which it may read or add to.
     * The default ignores the headers and calls the two-argument method.
     *
     * @param topic   the record's topic
     * @param headers the record's headers
     * @param data    the value to serialize; may be null
     * @return the bytes, or {@code null} (written as a null key or value, i.e. a tombstone)
     */
    default byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }
}
