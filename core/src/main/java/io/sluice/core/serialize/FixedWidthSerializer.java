package io.sluice.core.serialize;

import io.sluice.api.Headers;
import io.sluice.api.spi.BufferSerializer;
import java.nio.ByteBuffer;

/**
 * Base of the serializers whose output has a fixed width (numbers), big-endian as Apache Kafka
 * writes them. Stateless and thread-safe.
 */
abstract class FixedWidthSerializer<T> implements BufferSerializer<T> {

    private final int width;

    FixedWidthSerializer(int width) {
        this.width = width;
    }

    @Override
    public final byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(width);
        write(data, out);
        return out.array();
    }

    @Override
    public final int serializedSize(String topic, Headers headers, T data) {
        return data == null ? -1 : width;
    }

    @Override
    public final void serializeInto(String topic, Headers headers, T data, ByteBuffer target) {
        write(data, target);
    }

    /** Writes exactly {@code width} bytes at the target's position. */
    abstract void write(T data, ByteBuffer target);
}
