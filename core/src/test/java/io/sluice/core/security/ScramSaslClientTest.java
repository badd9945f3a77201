package io.sluice.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.SaslAuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScramSaslClientTest {

    /** RFC 5802's example uses SCRAM-SHA-1, which Kafka does not offer; the functions are the same. */
    private static final ScramHash SHA_1 = new ScramHash("SCRAM-SHA-1", "SHA-1", "HmacSHA1");

    @Test
    void shouldReproduceTheExchangeOfRfc7677() {
        ScramSaslClient client = new ScramSaslClient(ScramHash.SHA_256, "user", "pencil", Map.of(), () -> "rOprNGfwEbeRWgbNEkqO");

        assertThat(text(client.initialResponse())).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        byte[] clientFinal = client.evaluateChallenge(bytes(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        assertThat(text(clientFinal)).isEqualTo(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(client.isComplete()).isFalse();
        assertThat(client.evaluateChallenge(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))).isNull();
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void shouldReproduceTheExchangeOfRfc5802() {
        ScramSaslClient client = new ScramSaslClient(SHA_1, "user", "pencil", Map.of(), () -> "fyko+d2lbbFgONRv9qkxdawL");

        assertThat(text(client.initialResponse())).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        assertThat(text(client.evaluateChallenge(bytes("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"))))
                .isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        assertThat(client.evaluateChallenge(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="))).isNull();
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void shouldSendTheTokenAuthExtensionAfterTheNonce() {
        ScramSaslClient client = new ScramSaslClient(ScramHash.SHA_256, "tokenid", "hmac", Map.of("tokenauth", "true"), () -> "abc");

        assertThat(text(client.initialResponse())).isEqualTo("n,,n=tokenid,r=abc,tokenauth=true");
    }

    @Test
    void shouldRefuseAServerNonceThatDoesNotExtendOurs() {
        ScramSaslClient client = started("abc");

        assertThatThrownBy(() -> client.evaluateChallenge(bytes("r=xyzdef,s=c2FsdA==,i=4096")))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("does not extend the client's nonce");
        assertThatThrownBy(() -> started("abc").evaluateChallenge(bytes("r=abc,s=c2FsdA==,i=4096")))
                .hasMessageContaining("does not extend the client's nonce");
    }

    @Test
    void shouldRefuseFewerThan4096Iterations() {
        assertThatThrownBy(() -> started("abc").evaluateChallenge(bytes("r=abcdef,s=c2FsdA==,i=4095")))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("asked for 4095 SCRAM iterations, fewer than the 4096 that SCRAM-SHA-256 requires");
    }

    @Test
    void shouldReportTheBrokersErrorAttribute() {
        ScramSaslClient client = started("abc");
        client.evaluateChallenge(bytes("r=abcdef,s=c2FsdA==,i=4096"));

        assertThatThrownBy(() -> client.evaluateChallenge(bytes("e=invalid-proof")))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("ended the SCRAM exchange with the error 'invalid-proof'");
        assertThat(client.isComplete()).isFalse();
    }

    @Test
    void shouldRefuseAServerSignatureThatDoesNotProveTheBrokerKnowsTheCredentials() {
        ScramSaslClient client = started("abc");
        client.evaluateChallenge(bytes("r=abcdef,s=c2FsdA==,i=4096"));

        assertThatThrownBy(() -> client.evaluateChallenge(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("server signature does not match");
        assertThat(client.isComplete()).isFalse();
    }

    @Test
    void shouldRefuseMalformedServerMessages() {
        assertThatThrownBy(() -> started("a").evaluateChallenge(bytes("m=ext,r=ab,s=c2FsdA==,i=4096")))
                .hasMessageContaining("mandatory extension (m=)");
        assertThatThrownBy(() -> started("a").evaluateChallenge(bytes("r=ab,i=4096")))
                .hasMessageContaining("has 2 attributes where r=, s= and i= are expected");
        assertThatThrownBy(() -> started("a").evaluateChallenge(bytes("r=ab,s=!!,i=4096")))
                .hasMessageContaining("salt that is not base64");
        assertThatThrownBy(() -> started("a").evaluateChallenge(bytes("r=ab,s=c2FsdA==,i=many")))
                .hasMessageContaining("iteration count that is not a number (many)");
        assertThatThrownBy(() -> started("a").evaluateChallenge(bytes("s=c2FsdA==,r=ab,i=4096")))
                .hasMessageContaining("does not have the attribute r= where expected");
    }

    @Test
    void shouldMakeAFreshPrintableNonceEachTime() {
        String first = text(new ScramSaslClient(ScramHash.SHA_256, "u", "p", Map.of()).initialResponse());
        String second = text(new ScramSaslClient(ScramHash.SHA_256, "u", "p", Map.of()).initialResponse());

        assertThat(first).startsWith("n,,n=u,r=").matches("n,,n=u,r=[A-Za-z0-9_-]{43}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldNeverShowThePassword() {
        ScramSaslClient client = new ScramSaslClient(ScramHash.SHA_256, "u", "hunter2", Map.of());

        assertThat(client.toString()).isEqualTo("ScramSaslClient[SCRAM-SHA-256, INITIAL]");
    }

    private static ScramSaslClient started(String nonce) {
        ScramSaslClient client = new ScramSaslClient(ScramHash.SHA_256, "u", "p", Map.of(), () -> nonce);
        client.initialResponse();
        return client;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
