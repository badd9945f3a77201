package io.sluice.it.security;

import static io.sluice.it.security.SecureClusters.ALICE;
import static io.sluice.it.security.SecureClusters.ALICE_PASSWORD;
import static io.sluice.it.security.SecureClusters.BOB;
import static io.sluice.it.security.SecureClusters.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordHeader;
import io.sluice.api.RecordMetadata;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.SaslMechanism;
import io.sluice.testkit.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records produced by Sluice over every secured listener, configured with nothing but a Kafka client's
 * usual properties ({@code security.protocol}, {@code ssl.truststore.*}, {@code ssl.keystore.*},
 * {@code sasl.mechanism}, {@code sasl.jaas.config}), are read back by the official consumer over the
 * same listener with the same properties: key, value, header, timestamp, partition and offset.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecureProduceEndToEndTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = SecureClusters.extension();

    private static final int RECORDS = 60;

    @BeforeAll
    static void users() {
        SecureClusters.createUsers(kafka.cluster());
    }

    static Stream<Arguments> logins() {
        return Stream.of(
                login("SSL with a PKCS12 trust store", c -> c.clientConfig("SSL")),
                login("SSL with PEM trust certificates", SecureProduceEndToEndTest::sslWithPemTrust),
                login("mutual TLS with a PKCS12 key store", c -> c.clientConfig("MTLS")),
                login("mutual TLS with PEM key and chain", SecureProduceEndToEndTest::mutualTlsWithPem),
                login("SASL_PLAINTEXT PLAIN", c -> c.clientConfig("SASL_PLAINTEXT", SaslMechanism.PLAIN, ALICE, ALICE_PASSWORD)),
                login("SASL_PLAINTEXT SCRAM-SHA-256", c -> c.clientConfig("SASL_PLAINTEXT", SaslMechanism.SCRAM_SHA_256, BOB, BOB_PASSWORD)),
                login("SASL_PLAINTEXT SCRAM-SHA-512", c -> c.clientConfig("SASL_PLAINTEXT", SaslMechanism.SCRAM_SHA_512, BOB, BOB_PASSWORD)),
                login("SASL_SSL PLAIN", c -> c.clientConfig("SASL_SSL", SaslMechanism.PLAIN, ALICE, ALICE_PASSWORD)),
                login("SASL_SSL SCRAM-SHA-512", c -> c.clientConfig("SASL_SSL", SaslMechanism.SCRAM_SHA_512, BOB, BOB_PASSWORD)));
    }

    private static Arguments login(String name, Function<KafkaCluster, Map<String, Object>> config) {
        return Arguments.of(name, config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logins")
    void recordsProducedOverTheSecuredListenerAreReadBackByTheOfficialConsumerOverIt(String name,
            Function<KafkaCluster, Map<String, Object>> login) throws Exception {
        Map<String, Object> client = login.apply(kafka.cluster());
        String topic = kafka.createTopic("secure", 3, 1);
        List<Future<RecordMetadata>> sent = new ArrayList<>();

        try (Producer<String, String> producer = Producers.create(SecureClusters.producerConfig(client, "linger.ms", 10))) {
            for (int i = 0; i < RECORDS; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, null, 1_700_000_000_000L + i, "key-" + (i % 7),
                        "value-" + i + " over " + name, List.of(new RecordHeader("n", Integer.toString(i).getBytes(StandardCharsets.UTF_8))))));
            }
            producer.flush();
        }
        Map<String, RecordMetadata> acked = new HashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            acked.put("value-" + i + " over " + name, sent.get(i).get());
        }

        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(client, topic, RECORDS, Duration.ofSeconds(60));

        assertThat(read).hasSize(RECORDS);
        for (ConsumerRecord<byte[], byte[]> r : read) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            int i = Integer.parseInt(new String(r.headers().lastHeader("n").value(), StandardCharsets.UTF_8));
            RecordMetadata md = acked.get(value);
            assertThat(md).as(value).isNotNull();
            assertThat(value).isEqualTo("value-" + i + " over " + name);
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("key-" + (i % 7));
            assertThat(r.timestamp()).isEqualTo(1_700_000_000_000L + i);
            assertThat(r.partition()).isEqualTo(md.partition());
            assertThat(r.offset()).isEqualTo(md.offset());
        }
    }

    private static Map<String, Object> sslWithPemTrust(KafkaCluster cluster) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", cluster.bootstrapServers("SSL"));
        config.put("security.protocol", "SSL");
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.certificates", read(cluster.certificates().caCertificatePem()));
        return config;
    }

    private static Map<String, Object> mutualTlsWithPem(KafkaCluster cluster) {
        TestCertificates certificates = cluster.certificates();
        Map<String, Object> config = sslWithPemTrust(cluster);
        config.put("bootstrap.servers", cluster.bootstrapServers("MTLS"));
        config.put("ssl.keystore.type", "PEM");
        config.put("ssl.keystore.certificate.chain", read(certificates.clientCertificateChainPem()));
        config.put("ssl.keystore.key", read(certificates.clientPrivateKeyPem()));
        return config;
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
