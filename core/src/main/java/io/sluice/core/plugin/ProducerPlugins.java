package io.sluice.core.plugin;

import static io.sluice.api.config.ProducerConfig.COMPRESSION_TYPE_CONFIG;
import static io.sluice.api.config.ProducerConfig.INTERCEPTOR_CLASSES_CONFIG;
import static io.sluice.api.config.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG;
import static io.sluice.api.config.ProducerConfig.PARTITIONER_CLASS_CONFIG;
import static io.sluice.api.config.ProducerConfig.SLUICE_TRANSPORT_CONFIG;
import static io.sluice.api.config.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Compressor;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.Plugin;
import io.sluice.api.spi.ProducerInterceptor;
import io.sluice.api.spi.Serializer;
import io.sluice.api.spi.TransportProvider;
import io.sluice.core.compress.CompressionChoice;
import io.sluice.core.config.ProducerSettings;
import io.sluice.core.config.UnknownKeys;
import io.sluice.core.config.UsageTrackingMap;
import io.sluice.core.serialize.SerializerAliases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of one producer, resolved from its configuration and configured: serializers,
 * partitioner, codec and level, interceptors and transport. Created and configured on the thread
 * that constructs the producer; afterwards the references never change. Closing closes every plugin once.
 */
public final class ProducerPlugins implements AutoCloseable {

    /** Short name of the built-in partitioner used when {@code partitioner.class} is unset. */
    public static final String DEFAULT_PARTITIONER = "default";

    private static final Logger log = LoggerFactory.getLogger(ProducerPlugins.class);

    private final Serializer<?> keySerializer;
    private final Serializer<?> valueSerializer;
    private final Partitioner partitioner;
    private final CompressionChoice compression;
    private final List<ProducerInterceptor<?, ?>> interceptors;
    private final TransportProvider transport;

    private ProducerPlugins(Builder b) {
        this.keySerializer = b.keySerializer;
        this.valueSerializer = b.valueSerializer;
        this.partitioner = b.partitioner;
        this.compression = b.compression;
        this.interceptors = Collections.unmodifiableList(b.interceptors);
        this.transport = b.transport;
    }

    /**
     * Resolves and configures every plugin the settings name. If anything fails, the plugins made so
     * far are closed before the exception leaves.
     *
     * @throws ConfigException (often a {@link io.sluice.api.errors.PluginNotFoundException}) naming the key at fault
     */
    public static ProducerPlugins load(ProducerSettings settings, PluginRegistry registry) {
        UsageTrackingMap view = new UsageTrackingMap(settings.pluginView());
        Builder b = new Builder();
        try {
            b.keySerializer = b.track(registry.resolve(Serializer.class, KEY_SERIALIZER_CLASS_CONFIG,
                    settings.get(KEY_SERIALIZER_CLASS_CONFIG), SerializerAliases.KAFKA_CLASS_NAMES));
            b.keySerializer.configure(view, true);
            b.valueSerializer = b.track(registry.resolve(Serializer.class, VALUE_SERIALIZER_CLASS_CONFIG,
                    settings.get(VALUE_SERIALIZER_CLASS_CONFIG), SerializerAliases.KAFKA_CLASS_NAMES));
            b.valueSerializer.configure(view, false);

            Object partitionerValue = settings.get(PARTITIONER_CLASS_CONFIG);
            b.partitioner = b.track(registry.resolve(Partitioner.class, PARTITIONER_CLASS_CONFIG,
                    partitionerValue == null ? DEFAULT_PARTITIONER : partitionerValue, Map.of()));
            b.partitioner.configure(view);

            b.compression = CompressionChoice.of(b.track(resolveCompressor(settings, registry)), settings, view);
            b.compression.compressor().configure(view);

            for (String name : settings.getList(INTERCEPTOR_CLASSES_CONFIG)) {
                ProducerInterceptor<?, ?> interceptor = b.track(
                        registry.resolve(ProducerInterceptor.class, INTERCEPTOR_CLASSES_CONFIG, name, Map.of()));
                interceptor.configure(view);
                b.interceptors.add(interceptor);
            }

            b.transport = b.track(registry.resolve(TransportProvider.class, SLUICE_TRANSPORT_CONFIG,
                    settings.get(SLUICE_TRANSPORT_CONFIG), Map.of()));
            b.transport.configure(view);
        } catch (RuntimeException e) {
            b.closeAll();
            throw e;
        }
        warnAboutUnusedKeys(settings, view);
        return new ProducerPlugins(b);
    }

    private static Compressor resolveCompressor(ProducerSettings settings, PluginRegistry registry) {
        String type = settings.getString(COMPRESSION_TYPE_CONFIG).trim();
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals("producer") || lower.equals("uncompressed")) {
            throw new ConfigException(COMPRESSION_TYPE_CONFIG, "compression.type=" + type + " is a topic setting, "
                    + "not a producer codec; a producer names a codec: none, gzip, snappy, lz4 or zstd "
                    + "(or a Compressor plugin's name)");
        }
        return registry.resolve(Compressor.class, COMPRESSION_TYPE_CONFIG, type, Map.of());
    }

    private static void warnAboutUnusedKeys(ProducerSettings settings, UsageTrackingMap view) {
        Set<String> unused = new LinkedHashSet<>(settings.keysOutsideTable());
        unused.removeAll(view.usedKeys());
        for (String line : UnknownKeys.warnings(unused)) {
            log.warn(line);
        }
    }

    public Serializer<?> keySerializer() {
        return keySerializer;
    }

    public Serializer<?> valueSerializer() {
        return valueSerializer;
    }

    /** The configured partitioner ({@link #DEFAULT_PARTITIONER} when {@code partitioner.class} is unset). */
    public Partitioner partitioner() {
        return partitioner;
    }

    public CompressionChoice compression() {
        return compression;
    }

    public List<ProducerInterceptor<?, ?>> interceptors() {
        return interceptors;
    }

    public TransportProvider transport() {
        return transport;
    }

    /** Closes every plugin; an exception from one is logged and does not stop the others. */
    @Override
    public void close() {
        List<Plugin> all = new ArrayList<>();
        all.add(keySerializer);
        all.add(valueSerializer);
        all.add(partitioner);
        all.add(compression.compressor());
        all.addAll(interceptors);
        all.add(transport);
        closeQuietly(all);
    }

    static void closeQuietly(List<? extends Plugin> plugins) {
        for (Plugin p : plugins) {
            try {
                if (p != null) {
                    p.close();
                }
            } catch (RuntimeException e) {
                log.warn("Closing plugin {} failed; continuing", p.name(), e);
            }
        }
    }

    /** Collects plugins while loading, so a failure half-way can close what was made. */
    private static final class Builder {
        final List<Plugin> made = new ArrayList<>();
        Serializer<?> keySerializer;
        Serializer<?> valueSerializer;
        Partitioner partitioner;
        CompressionChoice compression;
        final List<ProducerInterceptor<?, ?>> interceptors = new ArrayList<>();
        TransportProvider transport;

        <T extends Plugin> T track(T plugin) {
            made.add(plugin);
            return plugin;
        }

        void closeAll() {
            closeQuietly(made);
        }
    }
}
