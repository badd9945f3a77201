package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SingleNodeRoundTripTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final int RECORDS = 200;

    @Test
    void shouldReadBackEveryKeyValueHeaderTimestampAndPartitionTheOfficialProducerWrote() throws Exception {
        String topic = kafka.createTopic("round-trip", 3, 1);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        long timestamp = 1_700_000_000_000L;
        for (int i = 0; i < RECORDS; i++) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("index", bytes("#" + i));
            headers.add("empty", new byte[0]);
            headers.add("null-valued", null);
            byte[] key = i % 10 == 0 ? null : bytes("key-" + i % 7);
            byte[] value = i % 25 == 0 ? null : bytes("value-" + i);
            sent.add(new ProducerRecord<>(topic, i % 3, timestamp + i, key, value, headers));
        }

        List<RecordMetadata> written;
        try (KafkaProducer<byte[], byte[]> producer = OfficialProducer.create(kafka.bootstrapServers(), Map.of())) {
            written = OfficialProducer.sendAll(producer, sent);
        }
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, RECORDS, Duration.ofSeconds(30));

        assertThat(read).hasSize(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            ProducerRecord<byte[], byte[]> expected = sent.get(i);
            RecordMetadata metadata = written.get(i);
            ConsumerRecord<byte[], byte[]> actual = read.stream()
                    .filter(r -> r.partition() == metadata.partition() && r.offset() == metadata.offset())
                    .findFirst().orElseThrow();
            assertThat(actual.partition()).isEqualTo(expected.partition());
            assertThat(actual.key()).isEqualTo(expected.key());
            assertThat(actual.value()).isEqualTo(expected.value());
            assertThat(actual.timestamp()).isEqualTo(expected.timestamp());
            assertThat(actual.headers().toArray()).containsExactly(expected.headers().toArray());
        }
    }

    @Test
    void shouldPutTheBrokerOnLoopbackWithLeaderOneAndTheReleasedKafkaVersion() {
        String topic = kafka.createTopic("leader", 2, 1);

        assertThat(kafka.cluster().brokerIds()).containsExactly(1);
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(kafka.cluster().leaderOf(topic, 1)).isEqualTo(1);
        assertThat(kafka.cluster().kafkaVersion()).isEqualTo("4.4.0");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
