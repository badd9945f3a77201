package io.sluice.core.serialize;

import java.nio.ByteBuffer;

/** A {@code Boolean} as one byte, 1 or 0 (Kafka's {@code BooleanSerializer}). Short name {@code boolean}. */
public final class BooleanSerializer extends FixedWidthSerializer<Boolean> {

    public BooleanSerializer() {
        super(1);
    }

    @Override
    public String name() {
        return "boolean";
    }

    @Override
    void write(Boolean data, ByteBuffer target) {
        target.put((byte) (data ? 1 : 0));
    }
}
