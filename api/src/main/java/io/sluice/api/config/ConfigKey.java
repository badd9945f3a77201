package io.sluice.api.config;

import java.util.Objects;

/**
 * One row of the configuration table: a key, its type, its default, what values are valid,
 * and what it means. {@link ProducerConfig#keys()} lists them all; the parser in the core module
 * and the README's configuration table both come from it.
 *
 * @param name         the key, e.g. {@code linger.ms}; Apache Kafka's where Kafka has one
 * @param type         how the value is parsed
 * @param defaultValue the default, already of {@code type}; {@link #NO_DEFAULT} if the key is required
 * @param validator    which parsed values are allowed
 * @param doc          what the key means, in Kafka's terms; where Sluice differs, it says so
 */
public record ConfigKey(String name, ConfigType type, Object defaultValue, ConfigValidator validator, String doc) {

    /** Marks a key that has no default and must be given. */
    public static final Object NO_DEFAULT = new Object() {
        @Override
        public String toString() {
            return "(required)";
        }
    };

    /**
     * A row of the table; nothing is parsed or checked beyond nulls.
     *
     * @param name         the key, not {@code null}
     * @param type         how the value is parsed, not {@code null}
     * @param defaultValue the default, already of {@code type}; {@code null} if the default is "no value"
     *                     (e.g. {@code transactional.id}); {@link #NO_DEFAULT} if the key is required
     * @param validator    which parsed values are allowed, not {@code null} ({@link ConfigValidator#any()} for all)
     * @param doc          what the key means, not {@code null}
     * @throws NullPointerException if {@code name}, {@code type}, {@code validator} or {@code doc} is null
     */
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(doc, "doc");
    }

    /**
     * {@return whether the key has a default; {@code false} only for {@link #NO_DEFAULT}} A {@code null}
     * default counts as a default: the key may be left out.
     */
    public boolean hasDefault() {
        return defaultValue != NO_DEFAULT;
    }
}
