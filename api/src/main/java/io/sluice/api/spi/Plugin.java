package io.sluice.api.spi;

import java.util.Map;

/**
 * What every plugin shares: a short name to select it by, configuration, and closing.
 *
 * <p>Each producer creates its own instance and calls {@link #configure} once before use and
 * {@link #close} once when the producer closes.
 *
 * <p>Constructors must be cheap and free of side effects: to learn providers' short names, the
 * producer instantiates every provider of an SPI it looks up, also those it does not pick. Load
 * native libraries, open files or threads in {@link #configure} or on first use, not in the constructor.
 */
public interface Plugin extends AutoCloseable {

    /**
     * The short name that selects this plugin in configuration, e.g. {@code zstd} or
     * {@code round-robin}. Unique among the providers of one SPI; lower case with dashes by
     * convention. Defaults to the class name.
     *
     * @return the short name, never {@code null}
     */
    default String name() {
        return getClass().getName();
    }

    /**
     * Receives the producer's whole configuration (parsed values and the user's originals, so a
     * plugin may read its own keys). Called once, before any other method, on the thread that
     * creates the producer.
     *
     * @param configs the producer's configuration, read-only: the keys of
     *                {@link io.sluice.api.config.ProducerConfig} with their parsed values (e.g. an
     *                {@code Integer} for {@code batch.size}), and every other key the user gave, as given.
     *                A key that neither the producer nor any plugin reads is logged as unused.
     * @throws io.sluice.api.errors.ConfigException if the plugin's own settings are invalid;
     *         the producer's construction then fails with it
     */
    default void configure(Map<String, ?> configs) {
    }

    /** Releases resources; called once when the producer closes. Must not throw. */
    @Override
    default void close() {
    }
}
