package io.sluice.core.serialize;

import java.nio.ByteBuffer;

/** A {@code Long} as 8 bytes, big-endian (Kafka's {@code LongSerializer}). Short name {@code long}. */
public final class LongSerializer extends FixedWidthSerializer<Long> {

    public LongSerializer() {
        super(8);
    }

    @Override
    public String name() {
        return "long";
    }

    @Override
    void write(Long data, ByteBuffer target) {
        target.putLong(data);
    }
}
