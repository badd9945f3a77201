package io.sluice.api.errors;

/**
 * A configuration names a plugin (a compressor, partitioner, serializer, interceptor or
 * transport) that is not on the module path or class path. The message names the key, the
 * value, the plugins that were found, and the artifact to add.
 */
public class PluginNotFoundException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * @param key     the key that names the plugin, e.g. {@code compression.type}
     * @param message the value, the plugins that were found, and the artifact to add
     */
    public PluginNotFoundException(String key, String message) {
        super(key, message);
    }

    /**
     * @param key     the key that names the plugin, e.g. {@code compression.type}
     * @param message the value, the plugins that were found, and the artifact to add
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null, e.g. a provider that failed to load
     */
    public PluginNotFoundException(String key, String message, Throwable cause) {
        super(key, message, cause);
    }
}
