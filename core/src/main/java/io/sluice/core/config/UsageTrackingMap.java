package io.sluice.core.config;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read-only configuration map handed to plugins' {@code configure}, remembering which keys were
 * read ({@link #get}, {@link #containsKey}, {@link #getOrDefault}), so that keys no one used can be
 * reported afterwards. Iterating the entries does not count as use.
 *
 * <p>Thread-safe: plugins may read it from any thread, also after configuration.
 */
public final class UsageTrackingMap extends AbstractMap<String, Object> {

    private final Map<String, Object> entries;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    public UsageTrackingMap(Map<String, Object> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public Object get(Object key) {
        record(key);
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        record(key);
        return entries.containsKey(key);
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        record(key);
        return entries.getOrDefault(key, defaultValue);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return entries.entrySet();
    }

    /** The keys read so far. */
    public Set<String> usedKeys() {
        return Collections.unmodifiableSet(used);
    }

    private void record(Object key) {
        if (key instanceof String s) {
            used.add(s);
        }
    }
}
