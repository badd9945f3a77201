package io.sluice.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading Kafka's {@code ssl.*} keys: defaults, list and null forms, and the contradictions Kafka refuses. */
class SslConfigTest {

    @Test
    void shouldUseKafkasDefaultsWhenNoKeyIsSet() {
        SslConfig config = SslConfig.from(Map.of());

        assertThat(config.protocol()).isEqualTo("TLSv1.3");
        assertThat(config.enabledProtocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(config.cipherSuites()).isEmpty();
        assertThat(config.endpointIdentification()).isEqualTo("https");
        assertThat(config.verifiesHostName()).isTrue();
        assertThat(config.keyManagerAlgorithm()).isEqualTo("SunX509");
        assertThat(config.trustManagerAlgorithm()).isEqualTo("PKIX");
        assertThat(config.secureRandomImplementation()).isNull();
        assertThat(config.trustStore()).as("the JVM's default trust").isNull();
        assertThat(config.keyStore()).as("no client certificate").isNull();
    }

    @Test
    void shouldReadListsFromCommaSeparatedStringsAndFromLists() {
        SslConfig fromString = SslConfig.from(Map.of("ssl.enabled.protocols", " TLSv1.3 , ",
                "ssl.cipher.suites", "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384"));
        SslConfig fromList = SslConfig.from(Map.of("ssl.enabled.protocols", List.of("TLSv1.2")));

        assertThat(fromString.enabledProtocols()).containsExactly("TLSv1.3");
        assertThat(fromString.cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
        assertThat(fromList.enabledProtocols()).containsExactly("TLSv1.2");
    }

    @Test
    void shouldTurnHostNameVerificationOffForAnEmptyOrNullAlgorithm() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("ssl.endpoint.identification.algorithm", null);

        assertThat(SslConfig.from(Map.of("ssl.endpoint.identification.algorithm", "")).verifiesHostName()).isFalse();
        assertThat(SslConfig.from(withNull).verifiesHostName()).isFalse();
        assertThat(SslConfig.from(Map.of("ssl.endpoint.identification.algorithm", "HTTPS")).endpointIdentification())
                .isEqualTo("https");
    }

    @Test
    void shouldRefuseAnUnknownEndpointIdentificationAlgorithm() {
        assertConfigError(Map.of("ssl.endpoint.identification.algorithm", "dns"),
                "ssl.endpoint.identification.algorithm", "ssl.endpoint.identification.algorithm=dns is not an endpoint "
                        + "identification algorithm; use https");
    }

    @Test
    void shouldRefuseAnEngineFactoryClassNamingTheKeysToUseInstead() {
        assertConfigError(Map.of("ssl.engine.factory.class", "com.example.MyEngineFactory"), "ssl.engine.factory.class",
                "ssl.engine.factory.class=com.example.MyEngineFactory is not supported by the nio transport");
    }

    @Test
    void shouldRefuseAnEmptyProtocolList() {
        assertConfigError(Map.of("ssl.enabled.protocols", ""), "ssl.enabled.protocols", "ssl.enabled.protocols is empty");
    }

    @Test
    void shouldReadTrustStoresFromAFileOrInlinePem() {
        SslConfig file = SslConfig.from(Map.of("ssl.truststore.location", "/etc/kafka/ts.p12",
                "ssl.truststore.type", "pkcs12"));
        SslConfig inline = SslConfig.from(Map.of("ssl.truststore.type", "PEM", "ssl.truststore.certificates", "-----BEGIN"));

        assertThat(file.trustStore()).isEqualTo(new TrustStoreConfig("PKCS12", "/etc/kafka/ts.p12", null, null));
        assertThat(inline.trustStore().isPem()).isTrue();
        assertThat(inline.trustStore().certificates()).isEqualTo("-----BEGIN");
    }

    @Test
    void shouldRefuseTrustStoreKeysThatContradictEachOtherAsKafkaDoes() {
        assertConfigError(Map.of("ssl.truststore.certificates", "x"), "ssl.truststore.certificates",
                "ssl.truststore.certificates is set, but ssl.truststore.type=JKS; inline certificates are PEM");
        assertConfigError(Map.of("ssl.truststore.type", "PEM", "ssl.truststore.certificates", "x",
                "ssl.truststore.location", "/f"), "ssl.truststore.certificates", "Both ssl.truststore.location and");
        assertConfigError(Map.of("ssl.truststore.type", "PEM", "ssl.truststore.location", "/f",
                "ssl.truststore.password", "p"), "ssl.truststore.password", "PEM trust stores have no password");
        assertConfigError(Map.of("ssl.truststore.password", "p"), "ssl.truststore.password",
                "ssl.truststore.password is set, but ssl.truststore.location is not");
    }

    @Test
    void shouldRefuseKeyStoreKeysThatContradictEachOtherAsKafkaDoes() {
        assertConfigError(Map.of("ssl.keystore.key", "k", "ssl.keystore.certificate.chain", "c"), "ssl.keystore.key",
                "ssl.keystore.key is set, but ssl.keystore.type=JKS");
        assertConfigError(Map.of("ssl.keystore.type", "PEM", "ssl.keystore.key", "k"), "ssl.keystore.certificate.chain",
                "ssl.keystore.key is set, but ssl.keystore.certificate.chain is not");
        assertConfigError(Map.of("ssl.keystore.type", "PEM", "ssl.keystore.certificate.chain", "c"), "ssl.keystore.key",
                "ssl.keystore.certificate.chain is set, but ssl.keystore.key is not");
        assertConfigError(Map.of("ssl.keystore.location", "/ks.jks"), "ssl.keystore.password",
                "ssl.keystore.location is set, but ssl.keystore.password is not");
        assertConfigError(Map.of("ssl.keystore.type", "PEM", "ssl.keystore.location", "/ks.pem",
                "ssl.keystore.password", "p"), "ssl.keystore.password", "a PEM key store has no store password");
    }

    @Test
    void shouldNeverShowPasswordsOrKeysInToString() {
        SslConfig config = SslConfig.from(Map.of(
                "ssl.truststore.location", "/ts.jks", "ssl.truststore.password", "trust-secret-1",
                "ssl.keystore.type", "PEM", "ssl.keystore.certificate.chain", "chain",
                "ssl.keystore.key", "key-material-2", "ssl.key.password", "key-secret-3"));

        assertThat(config.toString()).doesNotContain("trust-secret-1", "key-material-2", "key-secret-3")
                .contains("[hidden]", "/ts.jks");
    }

    private static void assertConfigError(Map<String, ?> originals, String key, String message) {
        assertThatThrownBy(() -> SslConfig.from(originals))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((ConfigException) e).key()).isEqualTo(key);
    }
}
