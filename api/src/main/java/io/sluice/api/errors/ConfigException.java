package io.sluice.api.errors;

/**
 * The configuration is not valid: an unknown value, a wrong type, a value out of range, a
 * conflict between settings, or a plugin that is not on the path. Thrown when the producer is
 * created, never later. The message names the key, the value, what is allowed and what to do.
 */
public class ConfigException extends SluiceException {

    private static final long serialVersionUID = 1L;

    /** The configuration key at fault, or {@code null} when the problem is not one key's (serialized). */
    private final String key;

    /**
     * For a problem that is not one key's, e.g. two settings that conflict; {@link #key()} is {@code null}.
     *
     * @param message what is wrong: the keys and values involved, and the fix
     */
    public ConfigException(String message) {
        this(null, message);
    }

    /**
     * @param key     the configuration key at fault, e.g. {@code linger.ms}; {@code null} if none is
     * @param message what is wrong: the key, the value, what is allowed, and the fix
     */
    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /**
     * @param key     the configuration key at fault, e.g. {@code linger.ms}; {@code null} if none is
     * @param message what is wrong: the key, the value, what is allowed, and the fix
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** {@return the configuration key at fault, or {@code null} when the problem is not one key's} */
    public String key() {
        return key;
    }
}
