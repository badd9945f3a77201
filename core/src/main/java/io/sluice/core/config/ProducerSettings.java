package io.sluice.core.config;

import io.sluice.api.config.ConfigKey;
import io.sluice.api.config.ProducerConfig;
import io.sluice.api.errors.ConfigException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A producer's configuration after parsing: every key of {@link ProducerConfig}'s table with its
 * value (the user's, or the default), plus the user's original entries. Immutable after
 * construction; safe to share between threads.
 *
 * <p>Keys the table does not know are kept in {@link #originals()} (plugins may read their own
 * keys) and reported by {@link UnknownKeys} once plugins have been configured.
 */
public final class ProducerSettings {

    private final Map<String, Object> values;
    private final Map<String, Object> originals;
    private final Set<String> explicitlySet;

    private ProducerSettings(Map<String, Object> values, Map<String, Object> originals, Set<String> explicitlySet) {
        this.values = Collections.unmodifiableMap(values);
        this.originals = Collections.unmodifiableMap(originals);
        this.explicitlySet = Collections.unmodifiableSet(explicitlySet);
    }

    /**
     * Parses and validates every key.
     *
     * @param configs the user's configuration ({@code Properties} or a map); keys must be strings
     * @throws ConfigException for the first invalid value or missing required key, naming it
     */
    public static ProducerSettings parse(Map<?, ?> configs) {
        Map<String, Object> originals = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : configs.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new ConfigException("Configuration keys must be strings, found " + e.getKey()
                        + " (a " + (e.getKey() == null ? "null" : e.getKey().getClass().getName()) + ")");
            }
            originals.put(key, e.getValue());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> explicitlySet = new LinkedHashSet<>();
        for (ConfigKey key : ProducerConfig.keys()) {
            if (originals.containsKey(key.name()) && originals.get(key.name()) != null) {
                values.put(key.name(), ConfigParser.parse(key, originals.get(key.name())));
                explicitlySet.add(key.name());
            } else if (key.hasDefault()) {
                values.put(key.name(), key.defaultValue());
            } else {
                throw new ConfigException(key.name(), "Missing required configuration \"" + key.name()
                        + "\" which has no default value. " + key.doc());
            }
        }
        return new ProducerSettings(values, originals, explicitlySet);
    }

    /** The parsed value of a table key (may be null where the default is null). */
    public Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("Not a producer configuration key: " + key);
        }
        return values.get(key);
    }

    public int getInt(String key) {
        return (Integer) get(key);
    }

    public long getLong(String key) {
        return (Long) get(key);
    }

    public boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    public String getString(String key) {
        return (String) get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        return (List<String>) get(key);
    }

    /** Whether the user gave {@code key} (as opposed to it having its default). */
    public boolean isSet(String key) {
        return explicitlySet.contains(key);
    }

    /** The user's entries as given, including keys the table does not know. */
    public Map<String, Object> originals() {
        return originals;
    }

    /**
     * What plugins see in {@code configure}: the user's originals overlaid with the parsed values of
     * every table key, so a plugin reads {@code batch.size} as an {@code Integer} and its own keys as given.
     */
    public Map<String, Object> pluginView() {
        Map<String, Object> view = new LinkedHashMap<>(originals);
        view.putAll(values);
        return view;
    }

    /** The keys the user gave that the producer's table does not know. */
    public Set<String> keysOutsideTable() {
        Set<String> unknown = new LinkedHashSet<>();
        for (String key : originals.keySet()) {
            if (ProducerConfig.key(key) == null) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /** Every value with secrets masked, sorted by key, for the start-up log line. */
    public Map<String, String> maskedValues() {
        Map<String, String> shown = new TreeMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            ConfigKey key = ProducerConfig.key(e.getKey());
            shown.put(e.getKey(), e.getValue() == null ? "null" : ConfigParser.shown(key, e.getValue()));
        }
        return shown;
    }
}
