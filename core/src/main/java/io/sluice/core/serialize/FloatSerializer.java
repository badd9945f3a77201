package io.sluice.core.serialize;

import java.nio.ByteBuffer;

/** A {@code Float} as its 4 IEEE 754 bytes, big-endian (Kafka's {@code FloatSerializer}). Short name {@code float}. */
public final class FloatSerializer extends FixedWidthSerializer<Float> {

    public FloatSerializer() {
        super(4);
    }

    @Override
    public String name() {
        return "float";
    }

    @Override
    void write(Float data, ByteBuffer target) {
        target.putInt(Float.floatToIntBits(data));
    }
}
