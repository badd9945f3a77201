package io.sluice.core.serialize;

import io.sluice.api.Headers;
import io.sluice.api.spi.BufferSerializer;
import java.nio.ByteBuffer;

/** A {@code byte[]} as is, not copied (Kafka's {@code ByteArraySerializer}). Short name {@code bytearray}. */
public final class ByteArraySerializer implements BufferSerializer<byte[]> {

    @Override
    public String name() {
        return "bytearray";
    }

    @Override
    public byte[] serialize(String topic, byte[] data) {
        return data;
    }

    @Override
    public int serializedSize(String topic, Headers headers, byte[] data) {
        return data == null ? -1 : data.length;
    }

    @Override
    public void serializeInto(String topic, Headers headers, byte[] data, ByteBuffer target) {
        target.put(data);
    }
}
