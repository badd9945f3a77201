package io.sluice.core.serialize;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code UUID} as its 36-character string form in UTF-8, exactly as Kafka's
 * {@code UUIDSerializer} writes it (not as 16 binary bytes), so consumers using Kafka's
 * {@code UUIDDeserializer} read it back. Short name {@code uuid}.
 */
public final class UuidSerializer implements io.sluice.api.spi.Serializer<UUID> {

    @Override
    public String name() {
        return "uuid";
    }

    @Override
    public byte[] serialize(String topic, UUID data) {
        return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
