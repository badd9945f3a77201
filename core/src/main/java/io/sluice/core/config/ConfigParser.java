package io.sluice.core.config;

import io.sluice.api.config.ConfigKey;
import io.sluice.api.config.ConfigType;
import io.sluice.api.errors.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Turns one user-given value (a {@code String} from properties, or an object from a map) into the
 * type of its {@link ConfigKey}, the way Apache Kafka's {@code ConfigDef.parseType} does, and checks
 * it against the key's validator. Stateless.
 */
public final class ConfigParser {

    private ConfigParser() {
    }

    /**
     * @return the parsed, validated value
     * @throws ConfigException naming the key, the value, the expected type and the valid range
     */
    public static Object parse(ConfigKey key, Object value) {
        Object parsed = parseType(key, value);
        String problem = key.validator().check(parsed);
        if (problem != null) {
            throw new ConfigException(key.name(), "Invalid value " + shown(key, value) + " for configuration "
                    + key.name() + ": must be " + problem + " (default: " + shownDefault(key) + ")");
        }
        return parsed;
    }

    static Object parseType(ConfigKey key, Object value) {
        if (value == null) {
            return null;
        }
        Object v = value instanceof String s ? s.trim() : value;
        ConfigType type = key.type();
        try {
            switch (type) {
                case BOOLEAN:
                    return parseBoolean(key, v, value);
                case STRING:
                case PASSWORD:
                    if (v instanceof String) {
                        return v;
                    }
                    throw wrongType(key, value, "a string");
                case INT:
                    if (v instanceof Integer) {
                        return v;
                    }
                    if (v instanceof Long || v instanceof Short || v instanceof Byte) {
                        return Math.toIntExact(((Number) v).longValue());
                    }
                    if (v instanceof String s) {
                        return Integer.parseInt(s);
                    }
                    throw wrongType(key, value, "an int");
                case SHORT:
                    if (v instanceof Short) {
                        return v;
                    }
                    if (v instanceof String s) {
                        return Short.parseShort(s);
                    }
                    throw wrongType(key, value, "a short");
                case LONG:
                    if (v instanceof Long) {
                        return v;
                    }
                    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                        return ((Number) v).longValue();
                    }
                    if (v instanceof String s) {
                        return Long.parseLong(s);
                    }
                    throw wrongType(key, value, "a long");
                case DOUBLE:
                    if (v instanceof Number n) {
                        return n.doubleValue();
                    }
                    if (v instanceof String s) {
                        return Double.parseDouble(s);
                    }
                    throw wrongType(key, value, "a double");
                case LIST:
                    return parseList(key, v, value);
                case CLASS:
                    if (v instanceof String || v instanceof Class<?>) {
                        return v;
                    }
                    // an instance of the plugin type: checked when the plugin is resolved
                    return v;
                default:
                    throw new IllegalStateException("Unknown config type " + type);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException(key.name(), "Invalid value " + shown(key, value) + " for configuration "
                    + key.name() + ": not a number of type " + type + " (expected e.g. " + example(key) + ")", e);
        }
    }

    private static Object parseBoolean(ConfigKey key, Object v, Object original) {
        if (v instanceof Boolean) {
            return v;
        }
        if (v instanceof String s) {
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        throw new ConfigException(key.name(), "Invalid value " + shown(key, original) + " for configuration "
                + key.name() + ": expected true or false");
    }

    private static List<String> parseList(ConfigKey key, Object v, Object original) {
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (o instanceof Class<?> c) {
                    out.add(c.getName());
                } else if (o instanceof String s) {
                    out.add(s.trim());
                } else {
                    throw wrongType(key, original, "a list of strings or classes");
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof String s) {
            if (s.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String part : s.split("\\s*,\\s*", -1)) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return Collections.unmodifiableList(out);
        }
        throw wrongType(key, original, "a comma-separated list");
    }

    private static ConfigException wrongType(ConfigKey key, Object value, String expected) {
        return new ConfigException(key.name(), "Invalid value " + shown(key, value) + " (a "
                + value.getClass().getName() + ") for configuration " + key.name() + ": expected " + expected);
    }

    /** The value as shown in messages: secrets are never shown. */
    static String shown(ConfigKey key, Object value) {
        if (key.type() == ConfigType.PASSWORD || SecretKeys.isSecret(key.name())) {
            return "[hidden]";
        }
        return String.valueOf(value);
    }

    private static String shownDefault(ConfigKey key) {
        return key.hasDefault() ? String.valueOf(key.defaultValue()) : "none, required";
    }

    private static String example(ConfigKey key) {
        Object d = key.defaultValue();
        return d instanceof Number ? String.valueOf(d) : key.type().name().toLowerCase(Locale.ROOT);
    }
}
