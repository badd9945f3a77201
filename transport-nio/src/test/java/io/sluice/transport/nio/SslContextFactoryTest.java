package io.sluice.transport.nio;

import static io.sluice.transport.nio.TestTransports.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Building the one SSLContext: stores of each kind, and errors that name the key (never a password). */
class SslContextFactoryTest {

    @Test
    void shouldBuildAContextFromPemFilesForTrustAndKey() throws Exception {
        TestPki pki = TestPki.get();
        String ca = pki.write("ca.pem", pki.caPem()).toString();
        String key = pki.write("client-key-and-chain.pem", pki.clientKeyPem() + pki.clientChainPem()).toString();

        SSLContext context = SslContextFactory.create(SslConfig.from(Map.of(
                "ssl.truststore.type", "PEM", "ssl.truststore.location", ca,
                "ssl.keystore.type", "PEM", "ssl.keystore.location", key)));

        assertThat(context.getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void shouldSayTheTrustStorePasswordIsWrongWithoutShowingIt() {
        assertConfigError(trustingTestCa("ssl.truststore.password", "not-the-password-7"), "ssl.truststore.password",
                "ssl.truststore.password does not open ssl.truststore.location=" + TestPki.get().truststore);
    }

    @Test
    void shouldSayTheTrustStoreFileDoesNotExist() {
        assertConfigError(trustingTestCa("ssl.truststore.location", "/no/such/truststore.p12"), "ssl.truststore.location",
                "ssl.truststore.location=/no/such/truststore.p12: no such file");
    }

    @Test
    void shouldSayTheKeyPasswordDoesNotUnlockTheClientKey() {
        TestPki pki = TestPki.get();
        assertConfigError(trustingTestCa("ssl.keystore.location", pki.clientKeystore.toString(),
                "ssl.keystore.password", TestPki.PASSWORD, "ssl.keystore.type", "PKCS12",
                "ssl.key.password", "not-the-key-password-8"), "ssl.key.password",
                "ssl.key.password does not unlock the private key in ssl.keystore.location=" + pki.clientKeystore);
    }

    @Test
    void shouldRefuseAnUnknownStoreType() {
        assertConfigError(trustingTestCa("ssl.truststore.type", "BKS"), "ssl.truststore.type",
                "ssl.truststore.type=BKS is not a key store type this JVM knows; use JKS, PKCS12 or PEM");
    }

    @Test
    void shouldRefuseProtocolsAndCipherSuitesThisJvmDoesNotHave() {
        assertConfigError(Map.of("ssl.protocol", "TLSv9"), "ssl.protocol", "ssl.protocol=TLSv9 is not a TLS protocol");
        assertConfigError(Map.of("ssl.enabled.protocols", "TLSv1.3,TLSv1.4"), "ssl.enabled.protocols",
                "ssl.enabled.protocols=TLSv1.3,TLSv1.4 names [TLSv1.4], which this JVM does not support");
        assertConfigError(Map.of("ssl.cipher.suites", "TLS_AES_128_GCM_SHA256,AES-GCM"), "ssl.cipher.suites",
                "ssl.cipher.suites names [AES-GCM], which this JVM does not support");
    }

    @Test
    void shouldRefuseAnUnknownSecureRandomAlgorithm() {
        assertConfigError(Map.of("ssl.secure.random.implementation", "NoSuchRandom"), "ssl.secure.random.implementation",
                "ssl.secure.random.implementation=NoSuchRandom is not a SecureRandom algorithm");
    }

    private static void assertConfigError(Map<String, ?> originals, String key, String message) {
        assertThatThrownBy(() -> SslContextFactory.create(SslConfig.from(originals)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("not-the-")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo(key);
    }
}
