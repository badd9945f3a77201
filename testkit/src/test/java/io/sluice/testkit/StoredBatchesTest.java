package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StoredBatchesTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final int RECORDS = 500;

    @Test
    void shouldReportTheLz4CodecAndTheIdempotentProducersIdsOfEveryStoredBatch() throws Exception {
        String topic = kafka.createTopic("lz4", 1, 1);

        produce(topic, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 50));
        List<StoredBatch> batches = kafka.cluster().storedBatches(topic, 0);

        assertThat(batches).isNotEmpty().allSatisfy(batch -> {
            assertThat(batch.compressionCodecId()).isEqualTo(3);
            assertThat(batch.compressionName()).isEqualTo("lz4");
            assertThat(batch.magic()).isEqualTo((byte) 2);
            assertThat(batch.producerId()).isNotNegative();
            assertThat(batch.producerEpoch()).isNotNegative();
            assertThat(batch.sizeInBytes()).isPositive();
        });
        assertThat(batches.get(0).baseOffset()).isZero();
        assertThat(batches.get(0).baseSequence()).isZero();
        assertThat(batches).as("a linger of 50 ms gathers many records per batch").hasSizeLessThan(RECORDS);
        assertThat(batches.stream().mapToInt(StoredBatch::recordCount).sum()).isEqualTo(RECORDS);
        for (int i = 1; i < batches.size(); i++) {
            StoredBatch previous = batches.get(i - 1);
            assertThat(batches.get(i).baseOffset()).isEqualTo(previous.lastOffset() + 1);
            assertThat(batches.get(i).baseSequence()).isEqualTo(previous.baseSequence() + previous.recordCount());
        }
    }

    @Test
    void shouldReportNoCodecAndNoProducerIdForAnUncompressedNonIdempotentProducer() throws Exception {
        String topic = kafka.createTopic("plain", 1, 1);

        produce(topic, Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "1"));
        List<StoredBatch> batches = kafka.cluster().storedBatches(1, topic, 0);

        assertThat(batches).isNotEmpty().allSatisfy(batch -> {
            assertThat(batch.compressionCodecId()).isZero();
            assertThat(batch.producerId()).isEqualTo(-1L);
            assertThat(batch.baseSequence()).isEqualTo(-1);
            assertThat(batch.transactional()).isFalse();
            assertThat(batch.control()).isFalse();
        });
        assertThat(batches.stream().mapToInt(StoredBatch::recordCount).sum()).isEqualTo(RECORDS);
        assertThat(kafka.cluster().readAll(topic, RECORDS, Duration.ofSeconds(30))).hasSize(RECORDS);
    }

    private static void produce(String topic, Map<String, Object> config) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            byte[] value = ("a compressible value, repeated: " + "abc".repeat(20) + i).getBytes(StandardCharsets.UTF_8);
            records.add(new ProducerRecord<>(topic, null, value));
        }
        try (KafkaProducer<byte[], byte[]> producer = OfficialProducer.create(kafka.bootstrapServers(), config)) {
            OfficialProducer.sendAll(producer, records);
        }
    }
}
