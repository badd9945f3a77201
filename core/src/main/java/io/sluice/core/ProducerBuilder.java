package io.sluice.core;

import io.sluice.api.Producer;
import io.sluice.api.config.ProducerConfig;
import io.sluice.api.spi.Serializer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A small fluent way to configure a producer; every method sets one of Kafka's keys, and
 * {@link #set} sets any key. The result is the same as {@link Producers#create(Map)} with those keys.
 * Not thread-safe; build once.
 *
 * <pre>{@code
 * Producer<String, String> producer = Producers.<String, String>builder()
 *         .bootstrapServers("localhost:9092")
 *         .keySerializer("string").valueSerializer("string")
 *         .compression("lz4")
 *         .build();
 * }</pre>
 */
public final class ProducerBuilder<K, V> {

    private final Map<String, Object> configs = new LinkedHashMap<>();
    private Serializer<K> keySerializer;
    private Serializer<V> valueSerializer;

    ProducerBuilder() {
    }

    public ProducerBuilder<K, V> bootstrapServers(String servers) {
        return set(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    }

    public ProducerBuilder<K, V> clientId(String clientId) {
        return set(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    }

    /** {@code acks}: "0", "1" or "all". */
    public ProducerBuilder<K, V> acks(String acks) {
        return set(ProducerConfig.ACKS_CONFIG, acks);
    }

    public ProducerBuilder<K, V> lingerMs(long lingerMs) {
        return set(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    }

    public ProducerBuilder<K, V> batchSize(int batchSize) {
        return set(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
    }

    /** {@code compression.type}: none, gzip, snappy, lz4, zstd (its module must be on the path). */
    public ProducerBuilder<K, V> compression(String codec) {
        return set(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
    }

    /** A serializer by short name ("string", "bytearray", ...) or class name. */
    public ProducerBuilder<K, V> keySerializer(String nameOrClass) {
        return set(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, nameOrClass);
    }

    public ProducerBuilder<K, V> keySerializer(Serializer<K> serializer) {
        this.keySerializer = Objects.requireNonNull(serializer, "serializer");
        return this;
    }

    /** A serializer by short name ("string", "bytearray", ...) or class name. */
    public ProducerBuilder<K, V> valueSerializer(String nameOrClass) {
        return set(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, nameOrClass);
    }

    public ProducerBuilder<K, V> valueSerializer(Serializer<V> serializer) {
        this.valueSerializer = Objects.requireNonNull(serializer, "serializer");
        return this;
    }

    /** Any producer configuration key, e.g. {@code set("enable.idempotence", false)}. */
    public ProducerBuilder<K, V> set(String key, Object value) {
        configs.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /** Creates the producer. @throws io.sluice.api.errors.ConfigException naming what is wrong */
    public Producer<K, V> build() {
        return Producers.create(configs, keySerializer, valueSerializer);
    }
}
