package io.sluice.it.security;

import static io.sluice.it.security.SecureClusters.ALICE;
import static io.sluice.it.security.SecureClusters.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.SaslMechanism;
import io.sluice.testkit.TestCertificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passwords and key material never reach a log line or an exception: with Sluice logging at TRACE,
 * the start-up configuration line shows {@code sasl.jaas.config}, {@code ssl.*.password} and
 * {@code ssl.keystore.key} as {@code [hidden]}, and no event, stack trace or refusal carries the
 * secret values, whether the login succeeds or the broker refuses it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecretsNeverLoggedTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = SecureClusters.extension();

    private static String topic;

    @BeforeAll
    static void setUp() {
        topic = kafka.createTopic("secrets", 1, 1);
    }

    @Test
    void aSaslSslLoginLogsItsConfigurationWithTheJaasConfigAndTrustStorePasswordHidden() throws Exception {
        Map<String, Object> client = kafka.cluster().clientConfig("SASL_SSL", SaslMechanism.PLAIN, ALICE, ALICE_PASSWORD);

        List<String> logged = produceOneRecordCapturingLogs(client);

        assertThat(configurationLine(logged))
                .contains("sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]", "sasl.mechanism=PLAIN")
                .contains("security.protocol=SASL_SSL");
        assertNoSecretIn(logged, ALICE_PASSWORD, TestCertificates.PASSWORD);
    }

    @Test
    void mutualTlsLogsTheKeyStoreAndKeyPasswordsHidden() throws Exception {
        Map<String, Object> client = kafka.cluster().clientConfig("MTLS");

        List<String> logged = produceOneRecordCapturingLogs(client);

        assertThat(configurationLine(logged))
                .contains("ssl.keystore.password=[hidden]", "ssl.key.password=[hidden]", "ssl.truststore.password=[hidden]");
        assertNoSecretIn(logged, TestCertificates.PASSWORD);
    }

    @Test
    void aPemPrivateKeyIsLoggedHidden() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        Map<String, Object> client = cluster.clientConfig("MTLS");
        String key = read(cluster.certificates().clientPrivateKeyPem());
        client.keySet().removeIf(k -> k.startsWith("ssl.keystore.") || k.equals("ssl.key.password"));
        client.put("ssl.keystore.type", "PEM");
        client.put("ssl.keystore.certificate.chain", read(cluster.certificates().clientCertificateChainPem()));
        client.put("ssl.keystore.key", key);

        List<String> logged = produceOneRecordCapturingLogs(client);

        assertThat(configurationLine(logged)).contains("ssl.keystore.key=[hidden]");
        assertNoSecretIn(logged, keyBody(key));
    }

    @Test
    void aRefusedPasswordAppearsNeitherInTheExceptionNorInTheLogs() {
        String wrong = "wrong-but-still-a-secret-9f2c";
        Map<String, Object> client = kafka.cluster().clientConfig("SASL_SSL", SaslMechanism.PLAIN, ALICE, wrong);
        Throwable refusal;
        List<String> logged;

        try (CapturedLogs logs = CapturedLogs.start()) {
            refusal = SecureProducerFailuresTest.sendFails(client, topic);
            logged = logs.lines();
        }

        assertThat(stackTrace(refusal)).contains("SASL_AUTHENTICATION_FAILED").doesNotContain(wrong);
        assertThat(configurationLine(logged)).contains("sasl.jaas.config=[hidden]");
        assertNoSecretIn(logged, wrong);
    }

    private static List<String> produceOneRecordCapturingLogs(Map<String, Object> client) throws Exception {
        try (CapturedLogs logs = CapturedLogs.start()) {
            try (Producer<String, String> producer = Producers.create(SecureClusters.producerConfig(client))) {
                producer.send(new ProducerRecord<>(topic, "k", "v")).get();
            } catch (ExecutionException e) {
                throw new AssertionError("the login was expected to work", e.getCause());
            }
            return logs.lines();
        }
    }

    private static String configurationLine(List<String> logged) {
        List<String> config = logged.stream().filter(l -> l.contains(" configuration: {")).collect(Collectors.toList());
        assertThat(config).as("the producer's start-up configuration line, among %s", logged).hasSize(1);
        return config.get(0);
    }

    private static void assertNoSecretIn(List<String> logged, String... secrets) {
        assertThat(logged).as("events logged at every level").isNotEmpty();
        for (String line : logged) {
            for (String secret : secrets) {
                assertThat(line).as("a logged event").doesNotContain(secret);
            }
        }
    }

    /** The longest base64 line of a PEM private key: any leak of the key shows at least this. */
    private static String keyBody(String pem) {
        return pem.lines().filter(l -> !l.startsWith("-----")).reduce("", (a, b) -> a.length() >= b.length() ? a : b);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
