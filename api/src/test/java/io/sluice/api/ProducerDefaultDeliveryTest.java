package io.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A {@link Producer} that implements only the callback {@code send} still serves
 * {@code send(record, tag, listener)}: the default method adapts the callback's outcome to the listener.
 */
class ProducerDefaultDeliveryTest {

    private final List<String> told = new ArrayList<>();
    private final DeliveryListener listener = new DeliveryListener() {
        @Override
        public void onAcknowledged(long tag, TopicPartition partition, long offset, long timestamp) {
            told.add("acknowledged " + tag + " " + partition + " " + offset + " " + timestamp);
        }

        @Override
        public void onFailed(long tag, TopicPartition partition, Exception exception) {
            told.add("failed " + tag + " " + partition + " " + exception.getMessage());
        }
    };

    @Test
    void shouldPassTheCallbacksMetadataToTheListenerWithTheTag() {
        Answering producer = new Answering(new RecordMetadata(new TopicPartition("t", 1), 12, 3_000, 1, 2), null);

        producer.send(new ProducerRecord<>("t", "k", "v"), 77, listener);

        assertThat(told).containsExactly("acknowledged 77 t-1 12 3000");
    }

    @Test
    void shouldPassAFailureWithTheTopicWhenTheCallbackGotNoMetadata() {
        Answering producer = new Answering(null, new IllegalStateException("refused"));

        producer.send(new ProducerRecord<>("t", "k", "v"), 78, listener);

        assertThat(told).containsExactly("failed 78 t--1 refused");
    }

    /** Answers every callback send at once with the given outcome. */
    private static final class Answering implements Producer<String, String> {
        private final RecordMetadata metadata;
        private final Exception error;

        Answering(RecordMetadata metadata, Exception error) {
            this.metadata = metadata;
            this.error = error;
        }

        @Override
        public CompletableFuture<RecordMetadata> send(ProducerRecord<String, String> record) {
            return send(record, null);
        }

        @Override
        public CompletableFuture<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            callback.onCompletion(metadata, error);
            return error == null ? CompletableFuture.completedFuture(metadata) : CompletableFuture.failedFuture(error);
        }

        @Override
        public CompletableFuture<RecordMetadata> trySend(ProducerRecord<String, String> record, Callback callback) {
            return send(record, callback);
        }

        @Override
        public void flush() {
        }

        @Override
        public List<PartitionInfo> partitionsFor(String topic) {
            return List.of();
        }

        @Override
        public Map<MetricName, ? extends Metric> metrics() {
            return Map.of();
        }

        @Override
        public void close() {
        }

        @Override
        public void close(Duration timeout) {
        }
    }
}
