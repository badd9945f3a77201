package io.sluice.core;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Compressor;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.Plugin;
import io.sluice.api.spi.ProducerInterceptor;
import io.sluice.api.spi.Serializer;
import io.sluice.api.spi.TransportProvider;
import io.sluice.core.config.ConfigRules;
import io.sluice.core.config.ProducerSettings;
import io.sluice.core.plugin.PluginCandidate;
import io.sluice.core.plugin.PluginRegistry;
import io.sluice.core.plugin.ProducerPlugins;
import io.sluice.api.Producer;
import io.sluice.core.time.Time;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The entry point of Sluice: creates producers from Kafka-style configuration, checks
 * configurations, and lists the plugins on the path.
 *
 * <pre>{@code
 * Properties props = new Properties();
 * props.setProperty("bootstrap.servers", "localhost:9092");
 * props.setProperty("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
 * props.setProperty("value.serializer", "string");
 * try (Producer<String, String> producer = Producers.create(props)) {
 *     producer.send(new ProducerRecord<>("orders", "key", "value"));
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe; each producer gets its own plugin instances (plugins are never
 * shared between producers).
 */
public final class Producers {

    private static final List<Class<? extends Plugin>> SPIS = List.of(
            Compressor.class, Partitioner.class, Serializer.class, ProducerInterceptor.class, TransportProvider.class);

    private Producers() {
    }

    /**
     * Creates a producer from Kafka producer properties; {@code key.serializer} and
     * {@code value.serializer} name the serializers.
     *
     * @throws ConfigException naming the key, the value and what to do, if the configuration is invalid
     *         or names a plugin that is not on the path
     */
    public static <K, V> Producer<K, V> create(Map<?, ?> configs) {
        return create(configs, null, null);
    }

    /** Like {@link #create(Map)}, from {@code Properties}. */
    public static <K, V> Producer<K, V> create(Properties properties) {
        return create((Map<?, ?>) properties, null, null);
    }

    /**
     * Creates a producer with serializer instances (which take the place of {@code key.serializer}
     * and {@code value.serializer}; either may be null to use the configured one).
     */
    public static <K, V> Producer<K, V> create(Map<?, ?> configs, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        Objects.requireNonNull(configs, "configs");
        return ProducerAssembly.assemble(configs, keySerializer, valueSerializer, Time.SYSTEM);
    }

    /** A fluent builder over the same keys. */
    public static <K, V> ProducerBuilder<K, V> builder() {
        return new ProducerBuilder<>();
    }

    /**
     * Checks a producer configuration as creating a producer would, without connecting anywhere:
     * every value parsed and range-checked, the rules between keys applied, and every plugin it names
     * found, created, configured and closed again. Unknown keys are logged as warnings.
     *
     * @param configs Kafka-style producer properties (a {@code Properties} works)
     * @throws ConfigException naming the key, the value and what to do
     */
    public static void validate(Map<?, ?> configs) {
        ProducerSettings settings = ProducerSettings.parse(configs);
        ConfigRules.refuseUnsupported(settings);
        ConfigRules.idempotence(settings);
        ConfigRules.deliveryTimeoutMs(settings);
        ProducerPlugins.load(settings, new PluginRegistry()).close();
    }

    /**
     * The plugins found on the module path and class path, by SPI: for each, its short name, class
     * and module, e.g. {@code Compressor -> [lz4 (io.sluice.codec.lz4.Lz4Compressor in module io.sluice.codec.lz4), ...]}.
     * Providers that failed to load are listed under {@code "<SPI> (failed)"}.
     */
    public static Map<String, List<String>> availablePlugins() {
        PluginRegistry registry = new PluginRegistry();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Class<? extends Plugin> spi : SPIS) {
            List<String> lines = new ArrayList<>();
            for (PluginCandidate<? extends Plugin> c : registry.available(spi)) {
                lines.add(c.describe());
                c.instance().close();
            }
            out.put(spi.getSimpleName(), lines);
            List<String> failures = registry.failures(spi);
            if (!failures.isEmpty()) {
                out.put(spi.getSimpleName() + " (failed)", failures);
            }
        }
        return out;
    }
}
