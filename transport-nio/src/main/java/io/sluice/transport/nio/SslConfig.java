package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Kafka's client {@code ssl.*} settings, read once when a TLS transport opens, with Kafka's
 * defaults, so a user's existing properties work unchanged. Immutable; passwords and keys are
 * {@link Secret}s and never show in {@link #toString()}.
 *
 * @param protocol                   {@code ssl.protocol}: the {@code SSLContext} protocol (TLSv1.3)
 * @param enabledProtocols           {@code ssl.enabled.protocols} (TLSv1.2, TLSv1.3)
 * @param cipherSuites               {@code ssl.cipher.suites}; empty: the JVM's defaults
 * @param endpointIdentification     {@code ssl.endpoint.identification.algorithm}: {@code https}
 *                                   (host name verification, the default) or empty (off)
 * @param keyManagerAlgorithm        {@code ssl.keymanager.algorithm} (the JVM's default, SunX509)
 * @param trustManagerAlgorithm      {@code ssl.trustmanager.algorithm} (the JVM's default, PKIX)
 * @param secureRandomImplementation {@code ssl.secure.random.implementation}; null: the JVM's default
 * @param trustStore                 the brokers' CAs; null: the JVM's default trust store (cacerts)
 * @param keyStore                   the client's certificate for mutual TLS; null: none
 */
record SslConfig(
        String protocol,
        List<String> enabledProtocols,
        List<String> cipherSuites,
        String endpointIdentification,
        String keyManagerAlgorithm,
        String trustManagerAlgorithm,
        String secureRandomImplementation,
        TrustStoreConfig trustStore,
        KeyStoreConfig keyStore) {

    static final String PROTOCOL = "ssl.protocol";
    static final String ENABLED_PROTOCOLS = "ssl.enabled.protocols";
    static final String CIPHER_SUITES = "ssl.cipher.suites";
    static final String ENDPOINT_IDENTIFICATION = "ssl.endpoint.identification.algorithm";
    static final String KEY_MANAGER_ALGORITHM = "ssl.keymanager.algorithm";
    static final String TRUST_MANAGER_ALGORITHM = "ssl.trustmanager.algorithm";
    static final String SECURE_RANDOM = "ssl.secure.random.implementation";
    static final String ENGINE_FACTORY = "ssl.engine.factory.class";

    static final String DEFAULT_PROTOCOL = "TLSv1.3";
    static final List<String> DEFAULT_ENABLED_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");
    static final String DEFAULT_ENDPOINT_IDENTIFICATION = "https";

    SslConfig {
        Objects.requireNonNull(protocol, "protocol");
        enabledProtocols = List.copyOf(enabledProtocols);
        cipherSuites = List.copyOf(cipherSuites);
        Objects.requireNonNull(endpointIdentification, "endpointIdentification");
        Objects.requireNonNull(keyManagerAlgorithm, "keyManagerAlgorithm");
        Objects.requireNonNull(trustManagerAlgorithm, "trustManagerAlgorithm");
    }

    /**
     * Reads the {@code ssl.*} keys from the producer's original configuration.
     *
     * @throws ConfigException naming the key, if a value is malformed, two keys contradict each other
     *         (as Kafka refuses them), or {@code ssl.engine.factory.class} is set
     */
    static SslConfig from(Map<String, ?> originals) {
        ConfigValues values = new ConfigValues(originals);
        if (values.isSet(ENGINE_FACTORY)) {
            throw new ConfigException(ENGINE_FACTORY, ENGINE_FACTORY + "=" + values.string(ENGINE_FACTORY, null)
                    + " is not supported by the nio transport: it builds its SSLEngine itself from the ssl.* keys. "
                    + "Remove " + ENGINE_FACTORY + " and configure TLS with ssl.truststore.*, ssl.keystore.*, "
                    + "ssl.key.password, ssl.enabled.protocols and ssl.cipher.suites.");
        }
        String protocol = values.string(PROTOCOL, DEFAULT_PROTOCOL);
        if (protocol == null || protocol.isEmpty()) {
            throw new ConfigException(PROTOCOL, PROTOCOL + " is empty; use TLSv1.3 (Kafka's default) or TLSv1.2");
        }
        List<String> enabled = values.list(ENABLED_PROTOCOLS, DEFAULT_ENABLED_PROTOCOLS);
        if (enabled.isEmpty()) {
            throw new ConfigException(ENABLED_PROTOCOLS, ENABLED_PROTOCOLS + " is empty; list the TLS versions to "
                    + "offer, e.g. TLSv1.2,TLSv1.3 (Kafka's default)");
        }
        return new SslConfig(
                protocol,
                enabled,
                values.list(CIPHER_SUITES, List.of()),
                endpointIdentification(values),
                orDefault(values.string(KEY_MANAGER_ALGORITHM, null), KeyManagerFactory.getDefaultAlgorithm()),
                orDefault(values.string(TRUST_MANAGER_ALGORITHM, null), TrustManagerFactory.getDefaultAlgorithm()),
                emptyToNull(values.string(SECURE_RANDOM, null)),
                TrustStoreConfig.from(values),
                KeyStoreConfig.from(values));
    }

    /** Whether the broker's certificate must name the host connected to. */
    boolean verifiesHostName() {
        return !endpointIdentification.isEmpty();
    }

    private static String endpointIdentification(ConfigValues values) {
        String value = values.string(ENDPOINT_IDENTIFICATION, DEFAULT_ENDPOINT_IDENTIFICATION);
        if (value == null || value.isEmpty()) {
            return "";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("https") && !lower.equals("ldaps")) {
            throw new ConfigException(ENDPOINT_IDENTIFICATION, ENDPOINT_IDENTIFICATION + "=" + value
                    + " is not an endpoint identification algorithm; use https (check the broker's host name "
                    + "against its certificate, Kafka's default) or an empty value (no host name check)");
        }
        return lower;
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
