package io.sluice.core.serialize;

import io.sluice.api.Headers;
import io.sluice.api.spi.BufferSerializer;
import java.nio.ByteBuffer;

/**
 * A {@code ByteBuffer}'s bytes from index 0 to its limit, whatever its position: the bytes Kafka
 * 4.x's {@code ByteBufferSerializer} writes (it rewinds the buffer first). Unlike Kafka, the
 * caller's buffer is not touched (its position stays where it was). Short name {@code bytebuffer}.
 */
public final class ByteBufferSerializer implements BufferSerializer<ByteBuffer> {

    @Override
    public String name() {
        return "bytebuffer";
    }

    @Override
    public byte[] serialize(String topic, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray() && data.arrayOffset() == 0 && data.limit() == data.array().length) {
            return data.array();
        }
        byte[] out = new byte[data.limit()];
        data.duplicate().rewind().get(out);
        return out;
    }

    @Override
    public int serializedSize(String topic, Headers headers, ByteBuffer data) {
        return data == null ? -1 : data.limit();
    }

    @Override
    public void serializeInto(String topic, Headers headers, ByteBuffer data, ByteBuffer target) {
        target.put(data.duplicate().rewind());
    }
}
