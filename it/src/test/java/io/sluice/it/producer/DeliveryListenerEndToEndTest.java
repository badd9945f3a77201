package io.sluice.it.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.DeliveryListener;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.RecordTooLargeException;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code send(record, tag, listener)} against a real broker: every record is told once, with the
 * partition and offset at which Kafka's own consumer then reads it; a record refused before buffering
 * is told on the sending thread before {@code send} returns.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeliveryListenerEndToEndTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    @Test
    void everyRecordSentWithAListenerIsAcknowledgedOnceAtTheOffsetTheConsumerReadsItFrom() throws Exception {
        String topic = kafka.createTopic("listener", 3, 1);
        int records = 3000;
        Recording listener = new Recording();
        try (Producer<String, String> producer = Producers.create(StringProducerConfig.of(kafka.bootstrapServers(),
                "linger.ms", 5, "compression.type", "none"))) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 97), "value-" + i), i, listener);
            }
            producer.flush();
        }

        assertThat(listener.failures).isEmpty();
        assertThat(listener.timesTold.values()).hasSize(records).allMatch(n -> n.get() == 1);
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, records, Duration.ofSeconds(30));
        assertThat(read).hasSize(records);
        for (ConsumerRecord<byte[], byte[]> r : read) {
            long tag = Long.parseLong(new String(r.value(), StandardCharsets.UTF_8).substring("value-".length()));
            assertThat(listener.where.get(tag)).as("where the listener was told record %d went", tag)
                    .isEqualTo(r.partition() + "@" + r.offset() + " ts=" + r.timestamp());
        }
    }

    @Test
    void aRecordRefusedBeforeBufferingIsToldOnTheSendingThreadBeforeSendReturns() {
        String topic = kafka.createTopic("listener-too-large", 1, 1);
        Recording listener = new Recording();
        try (Producer<String, String> producer = Producers.create(StringProducerConfig.of(kafka.bootstrapServers(),
                "max.request.size", 1024))) {
            producer.send(new ProducerRecord<>(topic, "k", "x".repeat(5000)), 42, listener);

            assertThat(listener.failures).hasSize(1);
            Failure failure = listener.failures.get(0);
            assertThat(failure.tag).isEqualTo(42);
            assertThat(failure.thread).isSameAs(Thread.currentThread());
            assertThat(failure.partition.topic()).isEqualTo(topic);
            assertThat(failure.exception).isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("max.request.size");
        }
        assertThat(listener.where).isEmpty();
    }

    private record Failure(long tag, TopicPartition partition, Exception exception, Thread thread) {
    }

    /** Everything the listener was told; thread-safe (sender thread and, for early failures, the sending thread). */
    private static final class Recording implements DeliveryListener {
        final Map<Long, String> where = new ConcurrentHashMap<>();
        final Map<Long, AtomicInteger> timesTold = new ConcurrentHashMap<>();
        final List<Failure> failures = new CopyOnWriteArrayList<>();

        @Override
        public void onAcknowledged(long tag, TopicPartition partition, long offset, long timestamp) {
            where.put(tag, partition.partition() + "@" + offset + " ts=" + timestamp);
            timesTold.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void onFailed(long tag, TopicPartition partition, Exception exception) {
            failures.add(new Failure(tag, partition, exception, Thread.currentThread()));
            timesTold.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
        }
    }
}
