package io.sluice.core.compress;

import io.sluice.api.config.ConfigKey;
import io.sluice.api.config.ConfigType;
import io.sluice.api.config.ConfigValidator;
import io.sluice.api.config.ProducerConfig;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Compressor;
import io.sluice.core.config.ConfigParser;
import io.sluice.core.config.ProducerSettings;

import java.util.Map;

/**
 * The codec and level a producer compresses batches with.
 *
 * @param compressor the codec ({@link NoCompression} for {@code none})
 * @param level      the level to pass to it; its default if none was configured
 */
public record CompressionChoice(Compressor compressor, int level) {

    /**
     * Picks the level for {@code compressor} from {@code compression.<name>.level}, checked against the
     * codec's own range (Kafka's KIP-390 ranges for the built-in codecs). A third-party codec's level key
     * is not in the producer's table, so it is read through {@code pluginView}, the usage-tracking map
     * plugins are configured with: that marks it as used, and it is not reported as an unknown key.
     *
     * @throws ConfigException naming the key, the value and the codec's range
     */
    public static CompressionChoice of(Compressor compressor, ProducerSettings settings, Map<String, Object> pluginView) {
        if (!compressor.hasLevels()) {
            return new CompressionChoice(compressor, compressor.defaultLevel());
        }
        String key = "compression." + compressor.name() + ".level";
        Integer configured = configuredLevel(key, settings, pluginView);
        if (configured == null) {
            return new CompressionChoice(compressor, compressor.defaultLevel());
        }
        int level = configured;
        boolean inRange = level >= compressor.minLevel() && level <= compressor.maxLevel();
        if (!inRange && level != compressor.defaultLevel()) {
            throw new ConfigException(key, key + "=" + level + " is out of range: " + compressor.name() + " levels are "
                    + compressor.minLevel() + " to " + compressor.maxLevel() + " (default " + compressor.defaultLevel() + ")");
        }
        return new CompressionChoice(compressor, level);
    }

    private static Integer configuredLevel(String key, ProducerSettings settings, Map<String, Object> pluginView) {
        if (ProducerConfig.key(key) != null) {
            return settings.isSet(key) ? settings.getInt(key) : null;
        }
        Object raw = pluginView.get(key);
        if (raw == null) {
            return null;
        }
        // a level key of a third-party codec: parse it like any INT key
        return (Integer) ConfigParser.parse(new ConfigKey(key, ConfigType.INT, 0, ConfigValidator.any(), ""), raw);
    }
}
