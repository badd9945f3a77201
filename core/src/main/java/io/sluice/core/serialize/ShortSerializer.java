package io.sluice.core.serialize;

import java.nio.ByteBuffer;

/** A {@code Short} as 2 bytes, big-endian (Kafka's {@code ShortSerializer}). Short name {@code short}. */
public final class ShortSerializer extends FixedWidthSerializer<Short> {

    public ShortSerializer() {
        super(2);
    }

    @Override
    public String name() {
        return "short";
    }

    @Override
    void write(Short data, ByteBuffer target) {
        target.putShort(data);
    }
}
