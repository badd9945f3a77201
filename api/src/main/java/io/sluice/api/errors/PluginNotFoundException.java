package io.sluice.api.errors;

/**
 * A configuration names a plugin (a compressor, partitioner, serializer, interceptor or
 * transport) that is not on the module path or class path. The message names the key, the
 * value, the plugins that were found, and the artifact to add.
 */
public class PluginNotFoundException extends ConfigException {

    private static final long serialVersionUID = 1L;

    public PluginNotFoundException(String key, String message) {
        super(key, message);
    }

    public PluginNotFoundException(String key, String message, Throwable cause) {
        super(key, message, cause);
    }
}
