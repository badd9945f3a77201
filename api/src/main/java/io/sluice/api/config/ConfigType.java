package io.sluice.api.config;

/** The type of a configuration value, as in Apache Kafka's {@code ConfigDef.Type}. */
public enum ConfigType {
    BOOLEAN,
    STRING,
    INT,
    SHORT,
    LONG,
    DOUBLE,
    /** A comma-separated list of strings. */
    LIST,
    /** A class name, or a short plugin name, or (in a {@code Map}) a {@code Class} or an instance. */
    CLASS,
    /** A secret: parsed like a string, never logged or shown in a message. */
    PASSWORD
}
