package io.sluice.api.spi;

import io.sluice.api.Headers;
import java.nio.ByteBuffer;

/**
 * A {@link Serializer} that can write straight into the producer's batch buffer, so no
 * intermediate {@code byte[]} is allocated per record. The producer uses these methods where it
 * can and falls back to {@link #serialize(String, Headers, Object)} where it needs the bytes as an
 * array (e.g. to hash a key for partitioning).
 *
 * <p>Thread-safe, like every {@code Serializer}.
 *
 * @param <T> the type serialized
 * @since 0.1
 */
public interface BufferSerializer<T> extends Serializer<T> {

    /**
     * The exact number of bytes {@link #serializeInto} will write for {@code data}, or {@code -1}
     * if {@code data} serializes to null.
     *
     * @param topic   the record's topic
     * @param headers the record's headers
     * @param data    the value to serialize; may be null
     * @return the size in bytes, or {@code -1} for a null key or value
     */
    int serializedSize(String topic, Headers headers, T data);

    /**
     * Writes exactly {@link #serializedSize} bytes at {@code target}'s position and advances it.
     * {@code target} has at least that many bytes remaining. Not called when the size is -1.
     * Writing fewer or more bytes than announced fails the record with an exception.
     *
     * @param topic   the record's topic
     * @param headers the record's headers
     * @param data    the value to serialize, the same object given to {@link #serializedSize}
     * @param target  a window on the batch buffer; write only at its position, and do not keep it
     *                after the call (the producer reuses it for the next record)
     */
    void serializeInto(String topic, Headers headers, T data, ByteBuffer target);
}
