package io.sluice.it.security;

import static io.sluice.it.security.SecureClusters.ALICE;
import static io.sluice.it.security.SecureClusters.BOB;
import static io.sluice.it.security.SecureClusters.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.AuthenticationException;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.errors.SaslAuthenticationException;
import io.sluice.api.errors.SslAuthenticationException;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.SaslMechanism;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way a secured connection is refused ends a {@code send} with a clear, fatal
 * {@link AuthenticationException} naming the cause and the setting to check, instead of a wait of
 * {@code max.block.ms} (60 s here, so a TimeoutException would mean it waited) or a retry storm. A
 * second send fails the same way at once, and the producer closes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecureProducerFailuresTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = SecureClusters.extension();

    private static String topic;

    @BeforeAll
    static void setUp() {
        SecureClusters.createUsers(kafka.cluster());
        topic = kafka.createTopic("refused", 1, 1);
    }

    @Test
    void aWrongPlainPasswordFailsTheSendWithTheBrokersReasonAndNeverShowsThePassword() {
        Throwable failure = sendFails(kafka.cluster().clientConfig("SASL_SSL", SaslMechanism.PLAIN, ALICE, "not-alices-password"));

        assertThat(failure).isInstanceOf(SaslAuthenticationException.class)
                .hasMessageStartingWith("SASL authentication with bootstrap server 127.0.0.1:")
                .hasMessageContaining("(sasl.mechanism=PLAIN) failed: SASL_AUTHENTICATION_FAILED: Authentication failed: "
                        + "Invalid username or password. Check the username and password in sasl.jaas.config, and that the "
                        + "broker has this user for PLAIN")
                .hasMessageNotContaining("not-alices-password");
    }

    @Test
    void aWrongScramPasswordFailsTheSend() {
        Throwable failure = sendFails(kafka.cluster().clientConfig("SASL_PLAINTEXT", SaslMechanism.SCRAM_SHA_256, BOB, "guess"));

        assertThat(failure).isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("(sasl.mechanism=SCRAM-SHA-256) failed: SASL_AUTHENTICATION_FAILED: Authentication "
                        + "failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256")
                .hasMessageNotContaining("guess");
    }

    @Test
    void aMechanismTheListenerDoesNotEnableFailsTheSendNamingTheOnesItDoes() {
        Throwable failure = sendFails(kafka.cluster().clientConfig("SASL_SSL", SaslMechanism.SCRAM_SHA_256, BOB, BOB_PASSWORD));

        assertThat(failure).isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("failed: UNSUPPORTED_SASL_MECHANISM: the listener does not enable SCRAM-SHA-256; it "
                        + "enables [PLAIN, SCRAM-SHA-512]. Set sasl.mechanism to one of those");
    }

    @Test
    void aBrokerCertificateThatIsNotTrustedFailsTheSendNamingTheTrustStoreKeys() {
        Map<String, Object> noTrustStore = new HashMap<>(Map.of("bootstrap.servers", kafka.cluster().bootstrapServers("SSL"),
                "security.protocol", "SSL"));

        Throwable failure = sendFails(noTrustStore);

        assertThat(failure).isInstanceOf(SslAuthenticationException.class)
                .hasMessageContaining("failed: the broker's certificate is not trusted (PKIX path building failed")
                .hasMessageContaining("the JVM's default trust store is in use: set ssl.truststore.location or "
                        + "ssl.truststore.certificates");
    }

    @Test
    void aPlaintextClientOnATlsPortFailsTheSendSayingTheListenerExpectsTls() {
        Map<String, Object> plaintext = Map.of("bootstrap.servers", kafka.cluster().bootstrapServers("SSL"),
                "security.protocol", "PLAINTEXT");

        Throwable failure = sendFails(plaintext);

        assertThat(failure).isInstanceOf(SslAuthenticationException.class)
                .hasMessageContaining("this listener expects TLS. Set security.protocol=SSL (or SASL_SSL)");
    }

    @Test
    void aClientWithoutACertificateIsRefusedByTheMutualTlsListener() {
        Map<String, Object> trustOnly = new HashMap<>(kafka.cluster().certificates().clientTrustConfig());
        trustOnly.put("bootstrap.servers", kafka.cluster().bootstrapServers("MTLS"));
        trustOnly.put("security.protocol", "SSL");

        Throwable failure = sendFails(trustOnly);

        assertThat(failure).isInstanceOf(SslAuthenticationException.class)
                .hasMessageContaining("the broker refused the client's certificate")
                .hasMessageContaining("none is configured; set ssl.keystore.location");
    }

    @Test
    void aSaslClientOnAListenerWithoutSaslFailsTheSendSayingSo() {
        Map<String, Object> config = kafka.cluster().clientConfig("SASL_PLAINTEXT", SaslMechanism.PLAIN, ALICE, "x");
        config.put("bootstrap.servers", kafka.cluster().bootstrapServers("PLAINTEXT"));

        Throwable failure = sendFails(config);

        assertThat(failure).isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("ILLEGAL_SASL_STATE: the listener at 127.0.0.1:")
                .hasMessageContaining("check that security.protocol matches the listener");
    }

    @Test
    void kafkasDefaultGssapiIsRefusedWhenTheProducerIsCreated() {
        Map<String, Object> config = kafka.cluster().clientConfig("SASL_SSL", SaslMechanism.PLAIN, ALICE, "x");
        config.remove("sasl.mechanism");

        assertThatThrownBy(() -> Producers.create(SecureClusters.producerConfig(config)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sasl.mechanism=GSSAPI (Kafka's default, as sasl.mechanism is not set) is not "
                        + "supported by Sluice yet; Sluice supports PLAIN, SCRAM-SHA-256, SCRAM-SHA-512.");
    }

    /**
     * Sends one record and then a second, returning why the first failed; asserts both failed with an
     * {@link AuthenticationException} (not a TimeoutException after max.block.ms) and the producer closes.
     */
    private static Throwable sendFails(Map<String, Object> clientConfig) {
        return sendFails(clientConfig, topic);
    }

    /** {@link #sendFails(Map)} to {@code topic}. */
    static Throwable sendFails(Map<String, Object> clientConfig, String topic) {
        Throwable first;
        try (Producer<String, String> producer = Producers.create(SecureClusters.producerConfig(clientConfig,
                "max.block.ms", 60_000, "client.id", "refused-" + System.nanoTime()))) {
            first = failureOf(() -> producer.send(new ProducerRecord<>(topic, "k", "first")));
            Throwable second = failureOf(() -> producer.send(new ProducerRecord<>(topic, "k", "second")));
            assertThat(second).as("the second send fails the same way").isInstanceOf(first.getClass());
        }
        assertThat(first).isInstanceOf(AuthenticationException.class);
        return first;
    }

    private interface Send {
        Future<RecordMetadata> send();
    }

    private static Throwable failureOf(Send send) {
        try {
            RecordMetadata unexpected = send.send().get();
            throw new AssertionError("the send succeeded: " + unexpected);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (AuthenticationException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

}
