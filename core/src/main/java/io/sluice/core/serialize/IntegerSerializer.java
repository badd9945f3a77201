package io.sluice.core.serialize;

import java.nio.ByteBuffer;

/** An {@code Integer} as 4 bytes, big-endian (Kafka's {@code IntegerSerializer}). Short name {@code integer}. */
public final class IntegerSerializer extends FixedWidthSerializer<Integer> {

    public IntegerSerializer() {
        super(4);
    }

    @Override
    public String name() {
        return "integer";
    }

    @Override
    void write(Integer data, ByteBuffer target) {
        target.putInt(data);
    }
}
