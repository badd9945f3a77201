package io.sluice.core.plugin;

import io.sluice.api.spi.Plugin;

/**
 * One provider of an SPI as found by {@link ServiceLoader}: its short name, its class, where it
 * comes from, and the instance made to ask for its name (handed out at most once).
 *
 * @param name     the provider's {@link Plugin#name()}
 * @param type     the provider class
 * @param instance a fresh instance
 */
public record PluginCandidate<T extends Plugin>(String name, Class<?> type, T instance) {

    /** Where the provider was found: its module, or the class path. */
    public String origin() {
        Module m = type.getModule();
        return m.isNamed() ? "module " + m.getName() : "the class path";
    }

    /** e.g. {@code zstd (io.sluice.codec.zstd.ZstdCompressor in module io.sluice.codec.zstd)}. */
    public String describe() {
        return name + " (" + type.getName() + " in " + origin() + ")";
    }
}
