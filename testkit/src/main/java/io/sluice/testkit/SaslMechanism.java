package io.sluice.testkit;

import java.util.Locale;

/** The SASL mechanisms a testkit listener can enable, with Kafka's names for them. */
public enum SaslMechanism {
    /** User names and passwords sent as they are (use with TLS); users are defined in the broker's JAAS config. */
    PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
    /** RFC 5802/7677 with SHA-256; users are created with {@link KafkaCluster#createScramUser}. */
    SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),
    /** RFC 5802 with SHA-512; users are created with {@link KafkaCluster#createScramUser}. */
    SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    private final String mechanismName;
    private final String loginModule;

    SaslMechanism(String mechanismName, String loginModule) {
        this.mechanismName = mechanismName;
        this.loginModule = loginModule;
    }

    /** Kafka's name, as in {@code sasl.mechanism}: {@code PLAIN}, {@code SCRAM-SHA-256}, {@code SCRAM-SHA-512}. */
    public String mechanismName() {
        return mechanismName;
    }

    /** The JAAS login module class Kafka uses for it, on clients and brokers. */
    public String loginModule() {
        return loginModule;
    }

    boolean isScram() {
        return this != PLAIN;
    }

    /** The lower-case name in per-mechanism broker keys: {@code listener.name.x.scram-sha-256.sasl.jaas.config}. */
    String configPrefix() {
        return mechanismName.toLowerCase(Locale.ROOT);
    }

    /**
     * A client's {@code sasl.jaas.config} value for this mechanism: {@code <module> required username="…"
     * password="…";}, with {@code "} and {@code \} escaped as Kafka's JAAS parser reads them.
     */
    public String clientJaasConfig(String user, String password) {
        return loginModule + " required username=\"" + jaasQuoted(user) + "\" password=\"" + jaasQuoted(password) + "\";";
    }

    static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
