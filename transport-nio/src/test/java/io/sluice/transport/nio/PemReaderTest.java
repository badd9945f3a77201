package io.sluice.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

/** PEM as Kafka users give it: certificates, PKCS#8 keys plain and encrypted (JDK- and OpenSSL-made), on one line. */
class PemReaderTest {

    private static final String KEY = "ssl.keystore.key";

    @Test
    void shouldReadCertificatesEvenWhenThePemIsOnOneLine() throws Exception {
        TestPki pki = TestPki.get();
        String chain = pki.clientChainPem();

        assertThat(PemReader.certificates(chain, "ssl.keystore.certificate.chain")).hasSize(2)
                .last().isEqualTo(pki.ca);
        assertThat(PemReader.certificates(pki.caPem().replace('\n', ' '), "ssl.truststore.certificates"))
                .containsExactly(pki.ca);
    }

    @Test
    void shouldReadAPlainPkcs8Key() throws Exception {
        PrivateKey key = PemReader.privateKey(TestPki.get().clientKeyPem(), null, KEY);

        assertThat(key.getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void shouldDecryptAPbes2KeyWithTheKeyPassword() throws Exception {
        TestPki pki = TestPki.get();
        PrivateKey key = PemReader.privateKey(pki.clientKeyEncryptedPem("pw-1"), new Secret("pw-1"), KEY);

        assertThat(key.getEncoded()).isEqualTo(PemReader.privateKey(pki.clientKeyPem(), null, KEY).getEncoded());
    }

    @Test
    void shouldDecryptAKeyEncryptedByOpenSsl() throws IOException {
        PrivateKey key = PemReader.privateKey(resource("openssl-pbes2-ec-key.pem"), new Secret("sluice-test-only"), KEY);

        assertThat(key.getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void shouldSayTheKeyPasswordIsWrongWithoutShowingIt() throws Exception {
        String encrypted = TestPki.get().clientKeyEncryptedPem("right-password");

        assertThatThrownBy(() -> PemReader.privateKey(encrypted, new Secret("wrong-password-9"), KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessage("ssl.key.password does not decrypt the private key in ssl.keystore.key; check the password")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("ssl.key.password");
    }

    @Test
    void shouldAskForTheKeyPasswordWhenTheKeyIsEncrypted() throws Exception {
        String encrypted = TestPki.get().clientKeyEncryptedPem("pw");

        assertThatThrownBy(() -> PemReader.privateKey(encrypted, null, KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is encrypted, but ssl.key.password is not set");
    }

    @Test
    void shouldRefuseAKeyThatIsNotPkcs8WithTheOpenSslCommandToConvertIt() throws IOException {
        String sec1 = resource("openssl-sec1-ec-key.pem");

        assertThatThrownBy(() -> PemReader.privateKey(sec1, null, KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds a \"EC PRIVATE KEY\", which is not PKCS#8")
                .hasMessageContaining("openssl pkcs8 -topk8")
                .hasMessageNotContaining(sec1.substring(40, 80));
    }

    @Test
    void shouldSayWhenTheTextIsNotPemAtAll() {
        assertThatThrownBy(() -> PemReader.certificates("/etc/kafka/ca.pem", "ssl.truststore.certificates"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("ssl.truststore.certificates is not PEM: no -----BEGIN ...----- / -----END ...----- block found");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PemReaderTest.class.getResourceAsStream("/pem/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
