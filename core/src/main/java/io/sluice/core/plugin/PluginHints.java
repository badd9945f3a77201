package io.sluice.core.plugin;

import io.sluice.api.spi.Compressor;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.TransportProvider;
import java.util.Map;

/**
 * Which Sluice artifact provides which well-known plugin, so that "not found" errors can say what
 * to add. Stateless.
 */
final class PluginHints {

    private static final Map<Class<?>, Map<String, String>> ARTIFACTS = Map.of(
            Compressor.class, Map.of(
                    "gzip", "io.sluice:sluice-codec-gzip",
                    "snappy", "io.sluice:sluice-codec-snappy",
                    "lz4", "io.sluice:sluice-codec-lz4",
                    "zstd", "io.sluice:sluice-codec-zstd"),
            Partitioner.class, Map.of(
                    "round-robin", "io.sluice:sluice-partitioners",
                    "consistent-hash", "io.sluice:sluice-partitioners",
                    "header", "io.sluice:sluice-partitioners"),
            TransportProvider.class, Map.of(
                    "nio", "io.sluice:sluice-transport-nio"));

    private PluginHints() {
    }

    /** The artifact that provides {@code name} for {@code spi}, or null if Sluice ships none. */
    static String artifactFor(Class<?> spi, String name) {
        return ARTIFACTS.getOrDefault(spi, Map.of()).get(name);
    }
}
