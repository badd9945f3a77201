package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import java.util.Locale;

/**
 * Where the CAs that sign brokers' certificates come from: a key store file
 * ({@code ssl.truststore.location}, {@code .type}, {@code .password}) or PEM certificates given
 * inline ({@code ssl.truststore.certificates} with {@code ssl.truststore.type=PEM}). Immutable.
 *
 * @param type         JKS, PKCS12, PEM or another type the JVM knows
 * @param location     the file, or null when the certificates are inline
 * @param password     the store's password (not for PEM), or null
 * @param certificates PEM text given inline, or null
 */
record TrustStoreConfig(String type, String location, Secret password, String certificates) {

    static final String TYPE = "ssl.truststore.type";
    static final String LOCATION = "ssl.truststore.location";
    static final String PASSWORD = "ssl.truststore.password";
    static final String CERTIFICATES = "ssl.truststore.certificates";
    static final String DEFAULT_TYPE = "JKS";
    static final String PEM = "PEM";

    boolean isPem() {
        return type.equalsIgnoreCase(PEM);
    }

    /** Which keys to check when the store cannot be read or does not trust a broker. */
    String keysToCheck() {
        return location != null ? LOCATION + " / " + PASSWORD + " / " + TYPE : CERTIFICATES;
    }

    /**
     * The trust store the keys describe, or null when none is configured (the JVM's default trust
     * store applies). Refuses the same contradictions as Kafka.
     */
    static TrustStoreConfig from(ConfigValues values) {
        String type = values.string(TYPE, DEFAULT_TYPE);
        type = type == null || type.isEmpty() ? DEFAULT_TYPE : type.toUpperCase(Locale.ROOT);
        String location = emptyToNull(values.string(LOCATION, null));
        Secret password = values.secret(PASSWORD);
        Secret inline = values.secret(CERTIFICATES);
        if (inline != null) {
            if (!type.equals(PEM)) {
                throw new ConfigException(CERTIFICATES, CERTIFICATES + " is set, but " + TYPE + "=" + type
                        + "; inline certificates are PEM: set " + TYPE + "=PEM");
            }
            if (location != null) {
                throw new ConfigException(CERTIFICATES, "Both " + LOCATION + " and " + CERTIFICATES
                        + " are set; use one of them");
            }
            if (password != null) {
                throw new ConfigException(PASSWORD, PASSWORD + " is set, but PEM trust stores have no password; "
                        + "remove " + PASSWORD);
            }
            return new TrustStoreConfig(type, null, null, inline.reveal());
        }
        if (location == null) {
            if (password != null) {
                throw new ConfigException(PASSWORD, PASSWORD + " is set, but " + LOCATION + " is not; "
                        + "set the trust store's file, or remove the password");
            }
            return null;
        }
        if (type.equals(PEM) && password != null) {
            throw new ConfigException(PASSWORD, PASSWORD + " is set, but PEM trust stores have no password; "
                    + "remove " + PASSWORD);
        }
        return new TrustStoreConfig(type, location, password, null);
    }

    @Override
    public String toString() {
        return "TrustStoreConfig[type=" + type + ", location=" + location + ", password="
                + (password == null ? "none" : password) + ", certificates=" + (certificates == null ? "none" : "inline")
                + "]";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
