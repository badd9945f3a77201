package io.sluice.core.security;

import io.sluice.api.errors.ConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a SASL connection logs in with, read from Kafka's client keys: the mechanism from
 * {@code sasl.mechanism}, the user name and password from the login module options of
 * {@code sasl.jaas.config} ({@code PlainLoginModule} or {@code ScramLoginModule}, with
 * {@code username} and {@code password}; {@code tokenauth=true} for SCRAM delegation tokens). As in
 * Kafka, the mechanism is {@code sasl.mechanism}'s and the login module only supplies the
 * credentials. Everything a user can get wrong is refused here, at construction, with the key at fault.
 *
 * <p>Immutable. {@link #toString()} shows the mechanism only.
 */
public final class SaslSettings {

    public static final String MECHANISM_KEY = "sasl.mechanism";
    public static final String JAAS_CONFIG_KEY = "sasl.jaas.config";
    static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String EXAMPLE = "e.g. sasl.jaas.config=" + SCRAM_LOGIN_MODULE + " required username=\"alice\" "
            + "password=\"...\";";

    private final SaslMechanism mechanism;
    private final String username;
    private final String password;
    private final boolean tokenAuthentication;

    private SaslSettings(SaslMechanism mechanism, String username, String password, boolean tokenAuthentication) {
        this.mechanism = mechanism;
        this.username = username;
        this.password = password;
        this.tokenAuthentication = tokenAuthentication;
    }

    /**
     * Reads the SASL settings of a producer whose {@code security.protocol} is {@code protocol}.
     *
     * @param mechanism    {@code sasl.mechanism} (Kafka's default {@code GSSAPI} when not set)
     * @param mechanismSet whether the user set {@code sasl.mechanism}
     * @param jaasConfig   {@code sasl.jaas.config}, or {@code null}
     * @throws ConfigException naming the key at fault and what to set; never quoting a password
     */
    public static SaslSettings from(String protocol, String mechanism, boolean mechanismSet, String jaasConfig) {
        if (jaasConfig == null || jaasConfig.isBlank()) {
            throw new ConfigException(JAAS_CONFIG_KEY, "security.protocol=" + protocol + " needs " + JAAS_CONFIG_KEY
                    + " with the user to log in as, " + EXAMPLE + " Sluice does not read JAAS files "
                    + "(java.security.auth.login.config).");
        }
        JaasConfig jaas = JaasConfig.parse(jaasConfig, JAAS_CONFIG_KEY);
        SaslMechanism chosen = mechanism(mechanism, mechanismSet, jaas);
        String module = jaas.loginModule();
        if (!module.equals(PLAIN_LOGIN_MODULE) && !module.equals(SCRAM_LOGIN_MODULE)) {
            throw new ConfigException(JAAS_CONFIG_KEY, JAAS_CONFIG_KEY + " names the login module " + module
                    + ", which Sluice does not support; use " + PLAIN_LOGIN_MODULE + " (sasl.mechanism=PLAIN) or "
                    + SCRAM_LOGIN_MODULE + " (sasl.mechanism=SCRAM-SHA-256 or SCRAM-SHA-512).");
        }
        String username = requiredOption(jaas, "username");
        String password = requiredOption(jaas, "password");
        boolean tokenAuth = "true".equalsIgnoreCase(jaas.option("tokenauth"));
        if (tokenAuth && !chosen.isScram()) {
            throw new ConfigException(JAAS_CONFIG_KEY, JAAS_CONFIG_KEY + " sets tokenauth=true (a delegation token), which "
                    + "only SCRAM carries, but sasl.mechanism=" + chosen.mechanismName() + "; use SCRAM-SHA-256 or SCRAM-SHA-512.");
        }
        return new SaslSettings(chosen, username, password, tokenAuth);
    }

    private static SaslMechanism mechanism(String name, boolean set, JaasConfig jaas) {
        SaslMechanism found = name == null ? null : SaslMechanism.forName(name);
        if (found != null) {
            return found;
        }
        String shown = name == null ? "(none)" : name.trim();
        String upper = shown.toUpperCase(Locale.ROOT);
        StringBuilder message = new StringBuilder(MECHANISM_KEY).append('=').append(shown);
        if (!set) {
            message.append(" (Kafka's default, as ").append(MECHANISM_KEY).append(" is not set)");
        }
        if (upper.equals("GSSAPI") || upper.equals("OAUTHBEARER")) {
            message.append(" is not supported by Sluice yet");
        } else {
            message.append(" is not a SASL mechanism Sluice knows");
        }
        message.append("; Sluice supports ").append(String.join(", ", SaslMechanism.names())).append('.');
        if (jaas.loginModule().equals(PLAIN_LOGIN_MODULE)) {
            message.append(" ").append(JAAS_CONFIG_KEY).append(" names PlainLoginModule: set ").append(MECHANISM_KEY).append("=PLAIN.");
        } else if (jaas.loginModule().equals(SCRAM_LOGIN_MODULE)) {
            message.append(" ").append(JAAS_CONFIG_KEY).append(" names ScramLoginModule: set ").append(MECHANISM_KEY)
                    .append("=SCRAM-SHA-256 or SCRAM-SHA-512, as the broker's user was created.");
        }
        throw new ConfigException(MECHANISM_KEY, message.toString());
    }

    private static String requiredOption(JaasConfig jaas, String option) {
        String value = jaas.option(option);
        if (value == null) {
            throw new ConfigException(JAAS_CONFIG_KEY, JAAS_CONFIG_KEY + ": the login module " + jaas.loginModule()
                    + " has no " + option + " option; add " + option + "=\"...\" before the closing ';'.");
        }
        return value;
    }

    public SaslMechanism mechanism() {
        return mechanism;
    }

    /** A client for one authentication (each connection and each re-authentication takes a new one). */
    public SaslClient newClient() {
        if (mechanism == SaslMechanism.PLAIN) {
            return new PlainSaslClient(username, password);
        }
        Map<String, String> extensions = tokenAuthentication ? Map.of("tokenauth", "true") : Map.of();
        return new ScramSaslClient(ScramHash.of(mechanism), username, password, extensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaslSettings other && mechanism == other.mechanism && username.equals(other.username)
                && password.equals(other.password) && tokenAuthentication == other.tokenAuthentication;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mechanism, username);
    }

    @Override
    public String toString() {
        return "SaslSettings[mechanism=" + mechanism.mechanismName() + ", credentials hidden]";
    }
}
