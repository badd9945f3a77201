package io.sluice.api.config;

/**
 * The type of a configuration value, as in Apache Kafka's {@code ConfigDef.Type}. Each constant
 * says what the producer accepts and the Java type a plugin then finds in its {@code configure} map.
 * Strings are trimmed first.
 */
public enum ConfigType {
    /** The text {@code true} or {@code false} (any case), or a {@code Boolean}; parsed to {@code Boolean}. */
    BOOLEAN,
    /** A {@code String} (no other object); parsed to itself, trimmed. */
    STRING,
    /**
     * A 32-bit integer: text, or an {@code Integer}, {@code Short}, {@code Byte} or a {@code Long} that
     * fits; parsed to {@code Integer}.
     */
    INT,
    /** A 16-bit integer: text or a {@code Short}; parsed to {@code Short}. */
    SHORT,
    /** A 64-bit integer: text, or a {@code Long}, {@code Integer}, {@code Short} or {@code Byte}; parsed to {@code Long}. */
    LONG,
    /** A floating-point number: text or any {@code Number}; parsed to {@code Double}. */
    DOUBLE,
    /**
     * A comma-separated list of strings, or a {@code List} of strings or classes (classes become
     * their names); parsed to an unmodifiable {@code List<String>} (empty entries of the text are dropped).
     */
    LIST,
    /** A class name, or a short plugin name, or (in a {@code Map}) a {@code Class} or an instance. */
    CLASS,
    /** A secret: parsed like a string, never logged or shown in a message. */
    PASSWORD
}
