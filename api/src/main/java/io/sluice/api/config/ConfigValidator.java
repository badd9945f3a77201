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

    /**
     * {@return what is allowed, e.g. {@code "[1,...]"} or {@code "[0, 1, all, -1]"}; {@code ""} if
     * anything is} Used in the configuration table and in error messages.
     */
    String describe();

    /** {@return a validator that accepts anything of the right type, {@code null} included} */
    static ConfigValidator any() {
        return Any.INSTANCE;
    }

    /**
     * A number at least {@code min}. {@code null} passes (the key has no value); a non-number fails.
     *
     * @param min the smallest allowed value
     * @return a validator for {@code [min, Long.MAX_VALUE]}, described as {@code "[min,...]"}
     */
    static ConfigValidator atLeast(long min) {
        return between(min, Long.MAX_VALUE);
    }

    /**
     * A number in {@code [min, max]}, both included. {@code null} passes (the key has no value); a
     * non-number fails. Values are compared as {@code double}s.
     *
     * @param min the smallest allowed value
     * @param max the largest allowed value; {@code Integer.MAX_VALUE} or {@code Long.MAX_VALUE} mean
     *            "no upper bound" in the description
     * @return a validator for the range
     */
    static ConfigValidator between(long min, long max) {
        return new Range(min, max);
    }

    /**
     * One of the given strings, case-sensitive (as Kafka's {@code ValidString}). {@code null} passes;
     * any other value is compared by its {@code toString()}.
     *
     * @param allowed the allowed values, none {@code null}
     * @return a validator described as {@code "[a, b, c]"}
     * @throws NullPointerException if {@code allowed} or one of its values is null
     */
    static ConfigValidator oneOf(String... allowed) {
        return new OneOf(List.of(allowed), false);
    }

    /**
     * One of the given strings, ignoring case (as Kafka's {@code CaseInsensitiveValidString}).
     * {@code null} passes; any other value is compared by its {@code toString()}.
     *
     * @param allowed the allowed values, none {@code null}
     * @return a validator described with the values in lower case
     * @throws NullPointerException if {@code allowed} or one of its values is null
     */
    static ConfigValidator oneOfIgnoreCase(String... allowed) {
        return new OneOf(List.of(allowed), true);
    }

    /**
     * Valid if either validator accepts (e.g. "-1 or [1, 9]" for {@code compression.gzip.level}).
     *
     * @param first  the validator tried first, not {@code null}
     * @param second the validator tried if {@code first} refuses, not {@code null}
     * @return a validator described as {@code "<first> or <second>"}
     * @throws NullPointerException if either is null
     */
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
        /** The only instance; {@link ConfigValidator#any()} returns it. */
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

    /**
     * A closed numeric range; made by {@link ConfigValidator#between} and {@link ConfigValidator#atLeast}.
     *
     * @param min the smallest allowed value
     * @param max the largest allowed value
     */
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

    /**
     * A value from a fixed set of strings; made by {@link ConfigValidator#oneOf} and
     * {@link ConfigValidator#oneOfIgnoreCase}.
     *
     * @param allowed    the allowed values, an unmodifiable copy
     * @param ignoreCase whether case is ignored when comparing
     */
    record OneOf(List<String> allowed, boolean ignoreCase) implements ConfigValidator {
        /**
         * Copies {@code allowed}.
         *
         * @param allowed    the allowed values, not {@code null} and without nulls
         * @param ignoreCase whether case is ignored when comparing
         * @throws NullPointerException if {@code allowed} is null or holds null
         */
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
