package io.sluice.it.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.errors.InvalidTopicException;
import io.sluice.api.errors.PluginNotFoundException;
import io.sluice.api.errors.SluiceException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.ProducerInterceptor;
import io.sluice.api.spi.TopicLayout;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of bad input a user can give, each with the error it gets — naming what is wrong and
 * what to do — and, where a producer exists, proof that the next valid send still works.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputCatalogueTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private Map<String, Object> config(Object... kv) {
        return StringProducerConfig.of(kafka.bootstrapServers(), kv);
    }

    private static void stillWorks(Producer<String, String> producer, String topic) throws Exception {
        RecordMetadata ok = producer.send(new ProducerRecord<>(topic, "k", "valid")).get(30, TimeUnit.SECONDS);
        assertThat(ok.hasOffset()).isTrue();
    }

    @Test
    void wrongTypesAndOutOfRangeValuesFailAtConstructionNamingKeyValueAndRange() {
        assertThatThrownBy(() -> Producers.create(config("linger.ms", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("linger.ms").hasMessageContaining("soon");
        assertThatThrownBy(() -> Producers.create(config("compression.zstd.level", "99")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("compression.zstd.level").hasMessageContaining("99").hasMessageContaining("22");
        assertThatThrownBy(() -> Producers.create(config("acks", "most")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[all, -1, 0, 1]");
    }

    @Test
    void conflictingIdempotenceSettingsFailAtConstruction() {
        assertThatThrownBy(() -> Producers.create(config("enable.idempotence", "true", "acks", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("enable.idempotence=true conflicts with acks=1");
    }

    @Test
    void aMissingPluginFailsAtConstructionNamingTheArtifact() {
        assertThatThrownBy(() -> Producers.create(config("partitioner.class", "round-robn")))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageContaining("partitioner.class=round-robn")
                .hasMessageContaining("round-robin (");
    }

    @Test
    void anEmptyOrIllegalTopicNameFailsThatRecordNamingTheTopic() throws Exception {
        String topic = kafka.createTopic("good", 1, 1);
        try (Producer<String, String> producer = Producers.create(config("max.block.ms", 5000))) {
            CompletableFuture<RecordMetadata> empty = producer.send(new ProducerRecord<>("", "k", "v"));
            assertThatThrownBy(() -> empty.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidTopicException.class);
            CompletableFuture<RecordMetadata> illegal = producer.send(new ProducerRecord<>("bad/name", "k", "v"));
            assertThatThrownBy(() -> illegal.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidTopicException.class)
                    .hasMessageContaining("bad/name");
            stillWorks(producer, topic);
        }
    }

    @Test
    void aPartitionerThatThrowsFailsThatRecordNamingThePartitioner() throws Exception {
        String topic = kafka.createTopic("partitioner", 2, 1);
        try (Producer<String, String> producer = Producers.create(config("partitioner.class", Moody.class.getName()))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "explode", "v")))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContaining(Moody.class.getName())
                    .hasMessageContaining(topic);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "nowhere", "v")))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContaining("99");
            stillWorks(producer, topic);
        }
    }

    @Test
    void anInterceptorThatThrowsIsLoggedAndTheRecordGoesOnUnchanged() throws Exception {
        String topic = kafka.createTopic("interceptor", 1, 1);
        try (Producer<String, String> producer = Producers.create(config("interceptor.classes", Clumsy.class.getName()))) {
            stillWorks(producer, topic);
            assertThat(kafka.cluster().readAll(topic, 1, java.time.Duration.ofSeconds(30))).hasSize(1);
        }
    }

    @Test
    void unreachableBootstrapServersFailSendsAfterMaxBlockMsNamingTheServers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Map<String, Object> cfg = config("bootstrap.servers", "127.0.0.1:" + port, "max.block.ms", 1500);
        try (Producer<String, String> producer = Producers.create(cfg)) {
            CompletableFuture<RecordMetadata> f = producer.send(new ProducerRecord<>("anything", "k", "v"));
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class)
                    .hasMessageContaining("not present in metadata after 1500 ms")
                    .hasMessageContaining("bootstrap.servers=[127.0.0.1:" + port + "]");
        }
    }

    @Test
    void bootstrapServersThatDoNotResolveFailAtConstruction() {
        assertThatThrownBy(() -> Producers.create(config("bootstrap.servers", "no-such-host.invalid:9092")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    /** Throws for the key "explode", answers an impossible partition for "nowhere", defers otherwise. */
    public static final class Moody implements Partitioner {
        @Override
        public int partition(PartitionerRecord record, TopicLayout topic) {
            if ("explode".equals(record.key())) {
                throw new IllegalStateException("boom");
            }
            return "nowhere".equals(record.key()) ? 99 : DEFER;
        }
    }

    /** Fails in both callbacks. */
    public static final class Clumsy implements ProducerInterceptor<Object, Object> {
        @Override
        public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
            throw new IllegalStateException("clumsy onSend");
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            throw new IllegalStateException("clumsy onAcknowledgement");
        }
    }
}
