package io.sluice.core.plugin;

import io.sluice.api.spi.Plugin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The providers of one SPI found by one {@link PluginRegistry}, and the ones that failed to load.
 * Each found instance is handed out at most once, so two keys never share a plugin instance
 * (e.g. the same serializer class for keys and values gets two instances). Confined to the
 * registry's thread.
 */
final class Discovery<T extends Plugin> {

    private final List<PluginCandidate<T>> candidates;
    private final List<String> failures;
    private final Set<PluginCandidate<T>> taken = new HashSet<>();

    Discovery(List<PluginCandidate<T>> candidates, List<String> failures) {
        this.candidates = List.copyOf(candidates);
        this.failures = List.copyOf(failures);
    }

    List<PluginCandidate<T>> candidates() {
        return candidates;
    }

    List<String> failures() {
        return failures;
    }

    PluginCandidate<T> byClassName(String className) {
        for (PluginCandidate<T> c : candidates) {
            if (c.type().getName().equals(className)) {
                return c;
            }
        }
        return null;
    }

    List<PluginCandidate<T>> byName(String name) {
        List<PluginCandidate<T>> out = new ArrayList<>(1);
        for (PluginCandidate<T> c : candidates) {
            if (c.name().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The candidate's instance the first time, a new instance of its class afterwards. */
    T take(PluginCandidate<T> candidate) {
        if (taken.add(candidate)) {
            return candidate.instance();
        }
        try {
            @SuppressWarnings("unchecked")
            T fresh = (T) candidate.type().getConstructor().newInstance();
            return fresh;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create a second instance of " + candidate.describe()
                    + "; give it a public no-argument constructor", e);
        }
    }
}
