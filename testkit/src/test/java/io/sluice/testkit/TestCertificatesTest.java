package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The throw-away PKI: a CA, chains that verify against it, the names on the certificates, reuse of a made set. */
class TestCertificatesTest {

    private static Path directory;
    private static TestCertificates shared;

    /** One set for this JVM's unit tests (making one runs keytool nine times), deleted when the JVM ends. */
    static synchronized TestCertificates shared() {
        if (shared == null) {
            try {
                directory = Files.createTempDirectory("sluice-testkit-certificates-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Path made = directory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteRecursively(made)));
            shared = TestCertificates.in(directory);
        }
        return shared;
    }

    @Test
    void shouldMakeACaAndBrokerAndClientChainsSignedByIt() throws Exception {
        TestCertificates certificates = shared();
        X509Certificate ca = certificates.caCertificate();

        assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
        for (Path store : List.of(certificates.brokerKeystore(), certificates.clientKeystore())) {
            Certificate[] chain = load(store).getCertificateChain(load(store).aliases().nextElement());
            assertThat(chain).hasSize(2);
            chain[0].verify(ca.getPublicKey());
            X509Certificate leaf = (X509Certificate) chain[0];
            List<String> names = leaf.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
            assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1");
        }
        assertThat(load(certificates.truststore()).getCertificate("ca")).isEqualTo(ca);
        assertThat(Files.readString(certificates.clientPrivateKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(certificates.clientCertificateChainPem())).contains("-----END CERTIFICATE-----");
    }

    @Test
    void shouldReuseACompleteSetInsteadOfMakingANewOne() throws Exception {
        TestCertificates certificates = shared();
        FileTime made = Files.getLastModifiedTime(certificates.brokerKeystore());

        TestCertificates again = TestCertificates.in(certificates.directory());

        assertThat(Files.getLastModifiedTime(again.brokerKeystore())).isEqualTo(made);
        assertThat(again.caCertificate()).isEqualTo(certificates.caCertificate());
        assertThat(again.clientMutualTlsConfig()).containsEntry("ssl.keystore.type", "PKCS12")
                .containsEntry("ssl.truststore.location", certificates.truststore().toString());
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        return store;
    }
}
