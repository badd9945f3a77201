package io.sluice.it.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordHeader;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.WouldBlockException;
import io.sluice.api.spi.ProducerInterceptor;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The parts of the Producer contract that go past Kafka: trySend never blocks, and send, flush and close
 * called from a callback (the sender thread) never deadlock; plus interceptors as Kafka runs them.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProducerApiContractTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private Map<String, Object> config(Object... kv) {
        return StringProducerConfig.of(kafka.bootstrapServers(), kv);
    }

    @Test
    void trySendFailsAtOnceWhenMetadataIsMissingThenWorksOnceItIsKnown() throws Exception {
        String topic = kafka.createTopic("try", 1, 1);
        try (Producer<String, String> producer = Producers.create(config("max.block.ms", 60_000))) {
            assertThatThrownBy(() -> producer.trySend(new ProducerRecord<>(topic, "k", "v"), null))
                    .isInstanceOf(WouldBlockException.class)
                    .hasMessageStartingWith("trySend would block: metadata for topic " + topic + " is not known yet");
            producer.partitionsFor(topic);
            assertThat(producer.trySend(new ProducerRecord<>(topic, "k", "v"), null).get(30, TimeUnit.SECONDS).hasOffset())
                    .isTrue();
        }
    }

    @Test
    void trySendFailsAtOnceWhenBufferMemoryIsUsedUp() throws Exception {
        String topic = kafka.createTopic("try-memory", 1, 1);
        try (Producer<String, String> producer = Producers.create(config("buffer.memory", 16 * 1024, "batch.size", 4096,
                "linger.ms", 60_000))) {
            producer.partitionsFor(topic);
            WouldBlockException refused = null;
            for (int i = 0; i < 1000 && refused == null; i++) {
                try {
                    producer.trySend(new ProducerRecord<>(topic, "k", "x".repeat(1000)), null);
                } catch (WouldBlockException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("buffer.memory=16384 bytes are in use");
            producer.flush(); // frees the memory
            CompletableFuture<RecordMetadata> after = producer.trySend(new ProducerRecord<>(topic, "k", "after"), null);
            producer.flush(); // linger.ms is long: send it now
            assertThat(after.get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
        }
    }

    @Test
    void aSendFromACallbackWorksAndAFlushFromACallbackFailsAtOnceInsteadOfDeadlocking() throws Exception {
        String topic = kafka.createTopic("callback", 1, 1);
        AtomicReference<Throwable> flushError = new AtomicReference<>();
        CompletableFuture<CompletableFuture<RecordMetadata>> chained = new CompletableFuture<>();
        try (Producer<String, String> producer = Producers.create(config())) {
            producer.send(new ProducerRecord<>(topic, "k", "first"), (m, e) -> {
                chained.complete(producer.send(new ProducerRecord<>(topic, "k", "from-callback")));
                try {
                    producer.flush();
                } catch (Throwable t) {
                    flushError.set(t);
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(chained.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
        }
        assertThat(flushError.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flush() was called from a send callback");
    }

    @Test
    void aCloseFromACallbackDoesNotDeadlockAndFailsWhatIsLeft() throws Exception {
        String topic = kafka.createTopic("close-callback", 1, 1);
        Producer<String, String> producer = Producers.create(config("linger.ms", 60_000));
        CompletableFuture<Void> closed = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, "k", "first"), (m, e) -> {
            producer.close();
            closed.complete(null);
        });
        producer.flush();
        closed.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "late")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void interceptorsSeeAndChangeRecordsBeforeTheyAreSentAndSeeEveryAcknowledgement() throws Exception {
        String topic = kafka.createTopic("intercept", 1, 1);
        Stamping.acknowledged.clear();
        try (Producer<String, String> producer = Producers.create(config("interceptor.classes", Stamping.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, 1, Duration.ofSeconds(30));
        assertThat(new String(read.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("v!");
        assertThat(new String(read.get(0).headers().lastHeader("stamped").value(), StandardCharsets.UTF_8)).isEqualTo("yes");
        assertThat(Stamping.acknowledged).hasSize(1).first().matches(m -> m.hasOffset() && m.topic().equals(topic));
    }

    /** Appends "!" to values and adds a header; remembers acknowledgements. */
    public static final class Stamping implements ProducerInterceptor<String, String> {
        static final List<RecordMetadata> acknowledged = new CopyOnWriteArrayList<>();

        @Override
        public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
            List<io.sluice.api.Header> headers = new ArrayList<>();
            record.headers().forEach(headers::add);
            headers.add(new RecordHeader("stamped", "yes".getBytes(StandardCharsets.UTF_8)));
            return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                    record.value() + "!", headers);
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                acknowledged.add(metadata);
            }
        }
    }
}
