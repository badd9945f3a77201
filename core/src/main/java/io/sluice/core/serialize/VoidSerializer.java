package io.sluice.core.serialize;

/**
 * Always {@code null}: for records without a key or without a value (Kafka's {@code VoidSerializer}).
 * Short name {@code void}.
 */
public final class VoidSerializer implements io.sluice.api.spi.Serializer<Void> {

    @Override
    public String name() {
        return "void";
    }

    @Override
    public byte[] serialize(String topic, Void data) {
        if (data != null) {
            throw new IllegalArgumentException("VoidSerializer only serializes null");
        }
        return null;
    }
}
