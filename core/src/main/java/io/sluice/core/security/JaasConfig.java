package io.sluice.core.security;

import io.sluice.api.errors.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One login module entry of a {@code sasl.jaas.config} value, in Kafka's syntax (its
 * {@code JaasConfig}): {@code <LoginModule class> <flag> key=value ... ;} where a value is a bare word
 * or a quoted string, and comments may appear anywhere. A producer's value must hold exactly one
 * entry, as Kafka requires of clients. Option names keep their case; a repeated option keeps its
 * last value, as in Kafka.
 *
 * <p>Immutable. {@link #toString()} lists option names only: values hold passwords.
 */
public final class JaasConfig {

    /** Kafka's login module control flags (case-insensitive, as Kafka reads them). */
    private static final List<String> FLAGS = List.of("required", "requisite", "sufficient", "optional");

    private final String loginModule;
    private final String flag;
    private final Map<String, String> options;

    private JaasConfig(String loginModule, String flag, Map<String, String> options) {
        this.loginModule = loginModule;
        this.flag = flag;
        this.options = Collections.unmodifiableMap(options);
    }

    /**
     * Parses {@code text}, the value of configuration key {@code key}.
     *
     * @throws ConfigException naming {@code key}, the problem and its position; never quoting the text
     */
    public static JaasConfig parse(String text, String key) {
        Objects.requireNonNull(text, "text");
        JaasTokens tokens = new JaasTokens(text, key);
        List<JaasConfig> entries = new ArrayList<>();
        JaasTokens.Token first = tokens.next();
        while (first.kind() != JaasTokens.Kind.END) {
            entries.add(entry(tokens, first));
            first = tokens.next();
        }
        if (entries.isEmpty()) {
            throw tokens.error("it names no login module");
        }
        if (entries.size() > 1) {
            throw tokens.error("it names " + entries.size() + " login modules (" + String.join(", ",
                    entries.stream().map(JaasConfig::loginModule).toList()) + "), but a client takes exactly one");
        }
        return entries.get(0);
    }

    private static JaasConfig entry(JaasTokens tokens, JaasTokens.Token module) {
        if (module.kind() != JaasTokens.Kind.WORD) {
            throw tokens.error("expected a login module class name at position " + module.position());
        }
        JaasTokens.Token flag = tokens.next();
        if (flag.kind() != JaasTokens.Kind.WORD || !FLAGS.contains(flag.text().toLowerCase(Locale.ROOT))) {
            throw tokens.error("the login module " + module.text() + " is not followed by a control flag (required, "
                    + "requisite, sufficient or optional) at position " + flag.position());
        }
        Map<String, String> options = new LinkedHashMap<>();
        JaasTokens.Token next = tokens.next();
        while (next.kind() != JaasTokens.Kind.SEMICOLON) {
            if (next.kind() == JaasTokens.Kind.END) {
                throw tokens.error("the entry of " + module.text() + " does not end with ';'");
            }
            if (next.kind() != JaasTokens.Kind.WORD) {
                throw tokens.error("expected an option name at position " + next.position());
            }
            String name = next.text();
            if (tokens.next().kind() != JaasTokens.Kind.EQUALS) {
                throw tokens.error("option '" + name + "' (position " + next.position() + ") is not followed by '='");
            }
            JaasTokens.Token value = tokens.next();
            if (value.kind() != JaasTokens.Kind.WORD && value.kind() != JaasTokens.Kind.QUOTED) {
                throw tokens.error("option '" + name + "' has no value (position " + value.position() + ")");
            }
            options.put(name, value.text());
            next = tokens.next();
        }
        return new JaasConfig(module.text(), flag.text().toLowerCase(Locale.ROOT), options);
    }

    /** The login module's class name, e.g. {@code org.apache.kafka.common.security.plain.PlainLoginModule}. */
    public String loginModule() {
        return loginModule;
    }

    /** The control flag, lower case: {@code required}, {@code requisite}, {@code sufficient} or {@code optional}. */
    public String flag() {
        return flag;
    }

    /** The value of option {@code name}, or {@code null} if absent. */
    public String option(String name) {
        return options.get(name);
    }

    /** Every option, in order of appearance. The values are secrets: never log them. */
    public Map<String, String> options() {
        return options;
    }

    @Override
    public String toString() {
        return "JaasConfig[" + loginModule + " " + flag + " options=" + options.keySet() + "]";
    }
}
