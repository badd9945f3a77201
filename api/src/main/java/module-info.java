/**
 * Sluice's public API: what users import ({@code io.sluice.api}), what plugin authors
 * implement ({@code io.sluice.api.spi}), the configuration table ({@code io.sluice.api.config})
 * and the exception hierarchy ({@code io.sluice.api.errors}).
 *
 * <p>This module depends on {@code java.base} only, so a plugin that implements an SPI pulls in
 * nothing of the producer itself.
 */
module io.sluice.api {
    exports io.sluice.api;
    exports io.sluice.api.spi;
    exports io.sluice.api.config;
    exports io.sluice.api.errors;
}
