package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The secured listeners of the testkit, proven with the official clients: the producer writes over each listener
 * and mechanism, the consumer reads back over the same listener; mutual TLS needs the client certificate; a wrong
 * password is refused.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecureListenersTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.of(KafkaCluster.builder()
            .sslListener()
            .sslListener("MTLS", true)
            .saslPlaintextListener(SaslMechanism.values())
            .saslSslListener(SaslMechanism.values())
            .plainUser("alice", "alice-secret"));

    @BeforeAll
    static void createScramUsers() {
        kafka.cluster().createScramUser("bob", "bob-secret-256", SaslMechanism.SCRAM_SHA_256);
        kafka.cluster().createScramUser("bob", "bob-secret-512", SaslMechanism.SCRAM_SHA_512);
    }

    @Test
    void shouldRoundTripRecordsOverTls() throws Exception {
        assertRoundTrip(kafka.cluster().clientConfig("SSL"));
    }

    @Test
    void shouldRoundTripRecordsOverMutualTlsWithTheClientCertificate() throws Exception {
        Map<String, Object> config = kafka.cluster().clientConfig("MTLS");

        assertThat(config).containsKey("ssl.keystore.location");
        assertRoundTrip(config);
    }

    @Test
    void shouldRefuseAClientWithoutCertificateOnTheMutualTlsListener() {
        Map<String, Object> config = kafka.cluster().clientConfig("MTLS");
        config.keySet().removeIf(key -> key.startsWith("ssl.keystore.") || key.equals("ssl.key.password"));

        assertThat(describeClusterFailure(config)).isInstanceOf(SslAuthenticationException.class);
    }

    @ParameterizedTest
    @EnumSource(SaslMechanism.class)
    void shouldRoundTripRecordsOverSaslPlaintext(SaslMechanism mechanism) throws Exception {
        assertRoundTrip(kafka.cluster().clientConfig("SASL_PLAINTEXT", mechanism, user(mechanism), password(mechanism)));
    }

    @ParameterizedTest
    @EnumSource(SaslMechanism.class)
    void shouldRoundTripRecordsOverSaslSsl(SaslMechanism mechanism) throws Exception {
        assertRoundTrip(kafka.cluster().clientConfig("SASL_SSL", mechanism, user(mechanism), password(mechanism)));
    }

    @ParameterizedTest
    @EnumSource(SaslMechanism.class)
    void shouldRefuseAWrongPassword(SaslMechanism mechanism) {
        Map<String, Object> config = kafka.cluster().clientConfig("SASL_PLAINTEXT", mechanism, user(mechanism),
                "not-the-password");

        assertThat(describeClusterFailure(config)).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void shouldNameTheListenersWhenAskedForOneThatDoesNotExist() {
        assertThat(kafka.cluster().bootstrapServers("SASL_SSL")).matches("127\\.0\\.0\\.1:\\d+");
        assertThatThrownBy(() -> kafka.cluster().bootstrapServers("KERBEROS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The cluster has no listener KERBEROS; it has PLAINTEXT, SSL, MTLS, SASL_PLAINTEXT, SASL_SSL");
    }

    private static void assertRoundTrip(Map<String, Object> clientConfig) throws Exception {
        String topic = kafka.createTopic("secure", 2, 1);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(new ProducerRecord<>(topic, i % 2, bytes("key-" + i), bytes("value-" + i)));
        }
        try (KafkaProducer<byte[], byte[]> producer = OfficialProducer.create(
                (String) clientConfig.get("bootstrap.servers"), clientConfig)) {
            OfficialProducer.sendAll(producer, sent);
        }

        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(clientConfig, topic, sent.size(),
                Duration.ofSeconds(30));

        assertThat(read).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(sent.stream()
                        .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList());
    }

    /** What an Admin client's first request fails with (authentication errors are not retried). */
    private static Throwable describeClusterFailure(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
            throw new AssertionError("the cluster answered a client that should have been refused");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("unexpected failure: " + e, e);
        }
    }

    private static String user(SaslMechanism mechanism) {
        return mechanism == SaslMechanism.PLAIN ? "alice" : "bob";
    }

    private static String password(SaslMechanism mechanism) {
        switch (mechanism) {
            case PLAIN:
                return "alice-secret";
            case SCRAM_SHA_256:
                return "bob-secret-256";
            default:
                return "bob-secret-512";
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
