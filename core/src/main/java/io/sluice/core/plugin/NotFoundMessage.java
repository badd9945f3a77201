package io.sluice.core.plugin;

import io.sluice.api.spi.Plugin;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the "plugin not found" message: what was asked, what was found, what to add. Stateless. */
final class NotFoundMessage {

    private NotFoundMessage() {
    }

    static <T extends Plugin> String build(Class<T> spi, String key, String value, Discovery<T> found) {
        String kind = spi.getSimpleName();
        StringBuilder m = new StringBuilder();
        String artifact = PluginHints.artifactFor(spi, value);
        if (artifact != null) {
            m.append(key).append('=').append(value).append(" but no ").append(kind).append(" named \"").append(value)
                    .append("\" is on the module path or class path; add ").append(artifact).append('.');
        } else {
            m.append(key).append('=').append(value).append(" but no ").append(kind).append(" named \"").append(value)
                    .append("\" and no class of that name is on the module path or class path. Check the spelling; a plugin ")
                    .append("module must declare \"provides ").append(spi.getName()).append(" with <class>\" (on the class ")
                    .append("path: list the class in META-INF/services/").append(spi.getName()).append(").");
        }
        List<PluginCandidate<T>> candidates = found.candidates();
        m.append(candidates.isEmpty()
                ? " No " + kind + " was found at all."
                : " Available: " + candidates.stream().map(PluginCandidate::describe).collect(Collectors.joining(", ")) + ".");
        if (!found.failures().isEmpty()) {
            m.append(" Providers that failed to load: ").append(String.join("; ", found.failures())).append('.');
        }
        return m.toString();
    }
}
