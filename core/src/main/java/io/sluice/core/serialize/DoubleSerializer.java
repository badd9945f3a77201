package io.sluice.core.serialize;

import java.nio.ByteBuffer;

/** A {@code Double} as its 8 IEEE 754 bytes, big-endian (Kafka's {@code DoubleSerializer}). Short name {@code double}. */
public final class DoubleSerializer extends FixedWidthSerializer<Double> {

    public DoubleSerializer() {
        super(8);
    }

    @Override
    public String name() {
        return "double";
    }

    @Override
    void write(Double data, ByteBuffer target) {
        target.putLong(Double.doubleToLongBits(data));
    }
}
