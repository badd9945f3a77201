package io.sluice.api.errors;

/**
 * The configuration is not valid: an unknown value, a wrong type, a value out of range, a
 * conflict between settings, or a plugin that is not on the path. Thrown when the producer is
 * created, never later. The message names the key, the value, what is allowed and what to do.
 */
public class ConfigException extends SluiceException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String message) {
        this(null, message);
    }

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The configuration key at fault, or {@code null} when the problem is not one key's. */
    public String key() {
        return key;
    }
}
