package io.sluice.core.serialize;

import java.util.Map;

/**
 * Apache Kafka's serializer class names mapped to the built-in serializer that writes the same
 * bytes, so that users' existing {@code key.serializer}/{@code value.serializer} settings work
 * without Kafka on the path. Stateless.
 */
public final class SerializerAliases {

    private static final String KAFKA = "org.apache.kafka.common.serialization.";

    /** Kafka class name → built-in short name. */
    public static final Map<String, String> KAFKA_CLASS_NAMES = Map.ofEntries(
            Map.entry(KAFKA + "StringSerializer", "string"),
            Map.entry(KAFKA + "ByteArraySerializer", "bytearray"),
            Map.entry(KAFKA + "ByteBufferSerializer", "bytebuffer"),
            Map.entry(KAFKA + "IntegerSerializer", "integer"),
            Map.entry(KAFKA + "LongSerializer", "long"),
            Map.entry(KAFKA + "ShortSerializer", "short"),
            Map.entry(KAFKA + "DoubleSerializer", "double"),
            Map.entry(KAFKA + "FloatSerializer", "float"),
            Map.entry(KAFKA + "BooleanSerializer", "boolean"),
            Map.entry(KAFKA + "UUIDSerializer", "uuid"),
            Map.entry(KAFKA + "VoidSerializer", "void"));

    private SerializerAliases() {
    }
}
