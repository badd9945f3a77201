package io.sluice.core.partition;

import io.sluice.api.config.ConfigKey;
import io.sluice.api.config.ProducerConfig;
import io.sluice.api.errors.ConfigException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the partitioning keys out of the map a plugin's {@code configure} receives, leniently:
 * the producer hands over parsed values ({@code Integer}, {@code Long}, {@code Boolean}) but a
 * user's originals may still be strings such as {@code "16384"} or {@code "TRUE"}. A missing or
 * {@code null} value means the default of {@link ProducerConfig}'s table, so the defaults live
 * in one place.
 */
final class PartitionerConfigValues {

    private PartitionerConfigValues() {
    }

    static boolean booleanValue(Map<String, ?> configs, String key) {
        Object value = valueOrDefault(configs, key);
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            String s = ((String) value).trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.parseBoolean(s);
            }
        }
        throw invalid(key, value, "true or false");
    }

    static int intValue(Map<String, ?> configs, String key) {
        long value = longValue(configs, key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(key, value, "a whole number that fits in 32 bits");
        }
        return (int) value;
    }

    static long longValue(Map<String, ?> configs, String key) {
        Object value = valueOrDefault(configs, key);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof String) {
            try {
                return Long.parseLong(((String) value).trim());
            } catch (NumberFormatException e) {
                throw invalid(key, value, "a whole number");
            }
        }
        throw invalid(key, value, "a whole number");
    }

    private static Object valueOrDefault(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value != null) {
            return value;
        }
        ConfigKey definition = ProducerConfig.key(key);
        if (definition == null || !definition.hasDefault() || definition.defaultValue() == null) {
            throw new IllegalStateException("no default for partitioning key " + key + " in ProducerConfig's table");
        }
        return definition.defaultValue();
    }

    private static ConfigException invalid(String key, Object value, String expected) {
        String shown = value instanceof String ? "\"" + value + "\"" : value + " (" + value.getClass().getSimpleName() + ")";
        return new ConfigException(key, key + "=" + shown + " is not valid: expected " + expected
                + ". Fix the value or remove the key to use the default (" + ProducerConfig.key(key).defaultValue() + ").");
    }
}
