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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of Sluice: checks producer configurations and lists the plugins on the path.
 *
 * <p>All methods are thread-safe; each call uses its own plugin registry (plugins are never shared
 * between producers).
 */
public final class Producers {

    private static final List<Class<? extends Plugin>> SPIS = List.of(
            Compressor.class, Partitioner.class, Serializer.class, ProducerInterceptor.class, TransportProvider.class);

    private Producers() {
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
