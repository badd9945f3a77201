package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import java.util.Locale;

/**
 * The client's own certificate and private key, for brokers that require one (mutual TLS): a key
 * store file ({@code ssl.keystore.location}, {@code .type}, {@code .password}, and
 * {@code ssl.key.password}) or PEM given inline ({@code ssl.keystore.certificate.chain} and
 * {@code ssl.keystore.key} with {@code ssl.keystore.type=PEM}). Immutable; secrets never show.
 *
 * @param type             JKS, PKCS12, PEM or another type the JVM knows
 * @param location         the file, or null when the key is inline
 * @param password         the store's password (not for PEM), or null
 * @param keyPassword      {@code ssl.key.password}: the private key's password, or null (for a
 *                         JKS/PKCS12 store: the store's password; for PEM: the key is not encrypted)
 * @param certificateChain PEM certificates given inline, or null
 * @param key              PEM private key given inline, or null
 */
record KeyStoreConfig(String type, String location, Secret password, Secret keyPassword, String certificateChain,
                      Secret key) {

    static final String TYPE = "ssl.keystore.type";
    static final String LOCATION = "ssl.keystore.location";
    static final String PASSWORD = "ssl.keystore.password";
    static final String KEY_PASSWORD = "ssl.key.password";
    static final String CERTIFICATE_CHAIN = "ssl.keystore.certificate.chain";
    static final String KEY = "ssl.keystore.key";
    static final String PEM = "PEM";

    boolean isPem() {
        return type.equalsIgnoreCase(PEM);
    }

    /** Which keys to check when the store cannot be read or the broker refuses the certificate. */
    String keysToCheck() {
        return location != null
                ? LOCATION + " / " + PASSWORD + " / " + KEY_PASSWORD
                : CERTIFICATE_CHAIN + " / " + KEY + " / " + KEY_PASSWORD;
    }

    /**
     * The key store the keys describe, or null when none is configured (no client certificate).
     * Refuses the same contradictions as Kafka.
     */
    static KeyStoreConfig from(ConfigValues values) {
        String type = values.string(TYPE, TrustStoreConfig.DEFAULT_TYPE);
        type = type == null || type.isEmpty() ? TrustStoreConfig.DEFAULT_TYPE : type.toUpperCase(Locale.ROOT);
        String location = values.string(LOCATION, null);
        location = location == null || location.isEmpty() ? null : location;
        Secret password = values.secret(PASSWORD);
        Secret keyPassword = values.secret(KEY_PASSWORD);
        Secret key = values.secret(KEY);
        Secret chain = values.secret(CERTIFICATE_CHAIN);
        if (key != null) {
            requirePem(type, KEY);
            if (chain == null) {
                throw new ConfigException(CERTIFICATE_CHAIN, KEY + " is set, but " + CERTIFICATE_CHAIN
                        + " is not; give the client certificate (and its CAs) in PEM as well");
            }
            if (location != null) {
                throw new ConfigException(KEY, "Both " + LOCATION + " and " + KEY + " are set; use one of them");
            }
            refusePemStorePassword(password);
            return new KeyStoreConfig(type, null, null, keyPassword, chain.reveal(), key);
        }
        if (chain != null) {
            throw new ConfigException(KEY, CERTIFICATE_CHAIN + " is set, but " + KEY
                    + " is not; give the client's private key in PEM (PKCS#8) as well");
        }
        if (location == null) {
            if (password != null) {
                throw new ConfigException(PASSWORD, PASSWORD + " is set, but " + LOCATION + " is not; "
                        + "set the key store's file, or remove the password");
            }
            return null;
        }
        if (type.equals(PEM)) {
            refusePemStorePassword(password);
        } else if (password == null) {
            throw new ConfigException(PASSWORD, LOCATION + " is set, but " + PASSWORD + " is not; "
                    + "a " + type + " key store needs its password");
        }
        return new KeyStoreConfig(type, location, password, keyPassword, null, null);
    }

    @Override
    public String toString() {
        return "KeyStoreConfig[type=" + type + ", location=" + location + ", password="
                + (password == null ? "none" : password) + ", keyPassword=" + (keyPassword == null ? "none" : keyPassword)
                + ", certificateChain=" + (certificateChain == null ? "none" : "inline") + ", key="
                + (key == null ? "none" : key) + "]";
    }

    private static void requirePem(String type, String key) {
        if (!type.equals(PEM)) {
            throw new ConfigException(key, key + " is set, but " + TYPE + "=" + type
                    + "; an inline key and certificate chain are PEM: set " + TYPE + "=PEM");
        }
    }

    private static void refusePemStorePassword(Secret password) {
        if (password != null) {
            throw new ConfigException(PASSWORD, PASSWORD + " is set, but a PEM key store has no store password; "
                    + "remove it and put the private key's password (if it is encrypted) in " + KEY_PASSWORD);
        }
    }
}
