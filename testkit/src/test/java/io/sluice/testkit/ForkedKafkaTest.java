package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ForkedKafkaTest {

    @Test
    void shouldServeTheOfficialClientFromKafka44InAChildJvmAndComeBackAfterSigkill() throws Exception {
        try (ForkedKafka kafka = ForkedKafka.builder(KafkaDistribution.current()).start()) {
            assertThat(kafka.version()).isEqualTo("4.4.0");
            String topic = TopicNames.unique("forked-44");
            createTopic(kafka, topic);
            produce(kafka, topic, 0, 20);
            long pid = kafka.pid();

            kafka.kill();
            assertThat(kafka.isAlive()).isFalse();
            assertThat(ProcessHandle.of(pid)).isEmpty();
            kafka.restart();
            produce(kafka, topic, 20, 40);

            assertReadBack(kafka, topic, 40);
            assertThat(kafka.pid()).isNotEqualTo(pid);
        }
    }

    @Test
    void shouldServeTheOfficialClientFromKafka39InAChildJvm() throws Exception {
        try (ForkedKafka kafka = ForkedKafka.builder(KafkaDistribution.kafka39()).start()) {
            assertThat(kafka.version()).startsWith("3.9.");
            String topic = TopicNames.unique("forked-39");
            createTopic(kafka, topic);
            produce(kafka, topic, 0, 30);

            assertReadBack(kafka, topic, 30);
            assertThat(kafka.logFile()).content().contains("Kafka version: " + kafka.version());
        }
    }

    private static void createTopic(ForkedKafka kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(ForkedKafka kafka, String topic, int from, int to) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("index", bytes(Integer.toString(i)));
            records.add(new ProducerRecord<>(topic, null, bytes("key-" + i), bytes("value-" + i), headers));
        }
        try (KafkaProducer<byte[], byte[]> producer = OfficialProducer.create(kafka.bootstrapServers(),
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip"))) {
            OfficialProducer.sendAll(producer, records);
        }
    }

    private static void assertReadBack(ForkedKafka kafka, String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> read = TopicReader.readAll(kafka.bootstrapServers(), topic, count,
                Duration.ofSeconds(30));

        assertThat(read).hasSize(count).allSatisfy(record -> {
            String index = new String(record.headers().lastHeader("index").value(), StandardCharsets.UTF_8);
            assertThat(record.key()).isEqualTo(bytes("key-" + index));
            assertThat(record.value()).isEqualTo(bytes("value-" + index));
        });
        assertThat(read).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> "value-" + i).toList());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
