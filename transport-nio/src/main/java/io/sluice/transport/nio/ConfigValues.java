package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the transport's own keys (the {@code ssl.*} ones) from the producer's original
 * configuration, which holds whatever the user passed: strings from a properties file, or lists
 * and other objects from code. Follows Kafka's parsing: strings are trimmed, a list may be a
 * comma-separated string, a key present with a {@code null} value counts as set to null. Stateless
 * beyond the map it reads.
 */
final class ConfigValues {

    private final Map<String, ?> originals;

    ConfigValues(Map<String, ?> originals) {
        this.originals = Objects.requireNonNull(originals, "originals");
    }

    /** Whether the key is present with a non-null value. */
    boolean isSet(String key) {
        return originals.get(key) != null;
    }

    /** The trimmed string value; {@code defaultValue} if the key is absent, null if it is present but null. */
    String string(String key, String defaultValue) {
        if (!originals.containsKey(key)) {
            return defaultValue;
        }
        Object value = originals.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Class) {
            return value instanceof Class ? ((Class<?>) value).getName() : ((String) value).trim();
        }
        throw new ConfigException(key, key + " must be a string, but is a " + value.getClass().getName());
    }

    /**
     * A list from a comma-separated string or a collection, empty entries dropped; {@code defaultValue}
     * if the key is absent, an empty list if it is null or blank.
     */
    List<String> list(String key, List<String> defaultValue) {
        if (!originals.containsKey(key)) {
            return defaultValue;
        }
        Object value = originals.get(key);
        List<String> items = new ArrayList<>();
        if (value instanceof String) {
            for (String item : ((String) value).split(",")) {
                addTrimmed(items, item);
            }
        } else if (value instanceof Collection) {
            for (Object item : (Collection<?>) value) {
                addTrimmed(items, String.valueOf(item));
            }
        } else if (value != null) {
            throw new ConfigException(key, key + " must be a list (a comma-separated string or a List), but is a "
                    + value.getClass().getName());
        }
        return List.copyOf(items);
    }

    /** A password or key: not trimmed, never shown; null if absent or null. */
    Secret secret(String key) {
        Object value = originals.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String) {
            return new Secret((String) value);
        }
        if (value instanceof char[]) {
            return new Secret(new String((char[]) value));
        }
        throw new ConfigException(key, key + " must be a string, but is a " + value.getClass().getName());
    }

    private static void addTrimmed(List<String> items, String item) {
        String trimmed = item.trim();
        if (!trimmed.isEmpty()) {
            items.add(trimmed);
        }
    }
}
