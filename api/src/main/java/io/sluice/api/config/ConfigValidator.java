package io.sluice.api.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks one parsed configuration value and describes what is allowed, for error messages and
 * the documentation table.
 */
public interface ConfigValidator {

    /**
     * @param value the parsed value (of the key's {@link ConfigType}); may be null
     * @return {@code null} if valid, otherwise a description of what is allowed
     *         (e.g. {@code "a value in [1, 9]"})
     */
    String check(Object value);

    /** What is allowed, e.g. {@code "[1,...]"} or {@code "[0, 1, all, -1]"}. */
    String describe();

    /** Accepts anything of the right type. */
    static ConfigValidator any() {
        return Any.INSTANCE;
    }

    /** A number at least {@code min}. */
    static ConfigValidator atLeast(long min) {
        return between(min, Long.MAX_VALUE);
    }

    /** A number in {@code [min, max]}. */
    static ConfigValidator between(long min, long max) {
        return new Range(min, max);
    }

    /** One of the given strings, case-sensitive (as Kafka's {@code ValidString}). */
    static ConfigValidator oneOf(String... allowed) {
        return new OneOf(List.of(allowed), false);
    }

    /** One of the given strings, ignoring case (as Kafka's {@code CaseInsensitiveValidString}). */
    static ConfigValidator oneOfIgnoreCase(String... allowed) {
        return new OneOf(List.of(allowed), true);
    }

    /** Valid if either validator accepts (e.g. "-1 or [1, 9]" for {@code compression.gzip.level}). */
    static ConfigValidator either(ConfigValidator first, ConfigValidator second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return new ConfigValidator() {
            @Override
            public String check(Object value) {
                return first.check(value) == null || second.check(value) == null ? null : describe();
            }

            @Override
            public String describe() {
                return first.describe() + " or " + second.describe();
            }
        };
    }

    /** Accepts anything. */
    enum Any implements ConfigValidator {
        INSTANCE;

        @Override
        public String check(Object value) {
            return null;
        }

        @Override
        public String describe() {
            return "";
        }
    }

    /** A closed numeric range. */
    record Range(long min, long max) implements ConfigValidator {
        @Override
        public String check(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Number n) {
                double d = n.doubleValue();
                return d >= min && d <= max ? null : describe();
            }
            return describe();
        }

        @Override
        public String describe() {
            if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
                return "[" + min + ",...]";
            }
            return "[" + min + ",...," + max + "]";
        }
    }

    /** A value from a fixed set of strings. */
    record OneOf(List<String> allowed, boolean ignoreCase) implements ConfigValidator {
        public OneOf {
            allowed = List.copyOf(allowed);
        }

        @Override
        public String check(Object value) {
            if (value == null) {
                return null;
            }
            String s = value.toString();
            for (String a : allowed) {
                if (ignoreCase ? a.equalsIgnoreCase(s) : a.equals(s)) {
                    return null;
                }
            }
            return describe();
        }

        @Override
        public String describe() {
            return "[" + String.join(", ", ignoreCase ? allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList() : allowed) + "]";
        }
    }
}
