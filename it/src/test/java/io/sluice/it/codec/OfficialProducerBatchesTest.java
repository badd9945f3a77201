package io.sluice.it.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.spi.Compressor;
import io.sluice.core.record.RecordBatchDescriptor;
import io.sluice.core.record.RecordBatchReader;
import io.sluice.core.record.RecordCursor;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reverse direction: batches the official {@code KafkaProducer} (kafka-clients 4.4.0) compressed with
 * each codec, read from the broker's log segments by Sluice's {@link RecordBatchReader} with the codec
 * modules found through {@code ServiceLoader}. Every record (offset, timestamp, key, value, headers) is
 * what was sent. For gzip, snappy and lz4 Sluice's codecs promise the official client's very bytes: the
 * decompressed records, compressed again by the Sluice codec at the same level, equal the stored section.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OfficialProducerBatchesTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final int RECORDS = 2000;
    private static final int PARTITIONS = 2;

    private static ClassPathCodecs codecs;

    @BeforeAll
    static void loadCodecs() {
        codecs = new ClassPathCodecs();
    }

    @AfterAll
    static void closeCodecs() {
        codecs.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sluice.it.codec.CodecCase#all")
    void sluicesBatchReaderReadsEveryRecordTheOfficialProducerCompressed(CodecCase codec) throws Exception {
        String topic = kafka.createTopic("official-" + codec.slug(), PARTITIONS, 1);
        List<MixRecord> mix = RecordMix.generate(RECORDS, 4242);

        Map<String, MixRecord> sent = produceWithTheOfficialClient(topic, mix, codec);

        int read = 0;
        int batches = 0;
        int largestBatch = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            RecordBatchReader reader = new RecordBatchReader(SegmentBytes.of(kafka.cluster(), topic, p), codecs.lookup());
            while (reader.nextBatch()) {
                String batch = topic + "-" + p + " batch at offset " + reader.baseOffset();
                assertThat(reader.magic()).as(batch).isEqualTo((byte) 2);
                assertThat(reader.codecId()).as(batch + ": codec").isEqualTo(codec.codecId());
                assertThat(reader.isControl()).as(batch + ": control").isFalse();
                RecordCursor records = reader.records();
                while (records.next()) {
                    String where = p + "/" + records.offset();
                    MixRecord expected = sent.get(where);
                    assertThat(expected).as("Sluice read a record at %s that the official producer did not write there",
                            where).isNotNull();
                    expected.assertSameAs(seen(records), where);
                    read++;
                }
                if (codec.codecId() != 0) {
                    assertSluiceCodecMatches(reader, codec, batch);
                }
                batches++;
                largestBatch = Math.max(largestBatch, reader.recordCount());
            }
        }
        assertThat(read).isEqualTo(RECORDS);
        assertThat(batches).as("batches for %d records", RECORDS).isLessThanOrEqualTo(RECORDS / 10);
        assertThat(largestBatch).isGreaterThanOrEqualTo(50);
    }

    private static Map<String, MixRecord> produceWithTheOfficialClient(String topic, List<MixRecord> mix, CodecCase codec)
            throws Exception {
        Map<String, Object> config = new HashMap<>(codec.producerConfig());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 100); // batches fill by size; flush() sends the rest
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "official-" + codec.slug());
        List<Future<RecordMetadata>> futures = new ArrayList<>(mix.size());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (MixRecord r : mix) {
                futures.add(producer.send(new ProducerRecord<>(topic, null, r.timestamp(), r.key(), r.value(),
                        r.kafkaHeaders())));
            }
            producer.flush();
        }
        Map<String, MixRecord> sent = new HashMap<>();
        for (int i = 0; i < mix.size(); i++) {
            RecordMetadata md = futures.get(i).get(30, TimeUnit.SECONDS);
            sent.put(md.partition() + "/" + md.offset(), mix.get(i));
        }
        assertThat(sent).hasSize(mix.size());
        return sent;
    }

    private static MixRecord seen(RecordCursor records) {
        List<MixRecord.Header> headers = new ArrayList<>();
        for (io.sluice.api.Header h : records.headers()) {
            headers.add(new MixRecord.Header(h.key(), h.value()));
        }
        return new MixRecord(records.keyBytes(), records.valueBytes(), headers, records.timestamp());
    }

    /**
     * The codec module decodes the official frame through both its APIs alike; and for the codecs
     * that promise the official client's bytes (all but zstd, whose frames only decode the same),
     * compressing the records again at the same level gives the stored section back.
     */
    private static void assertSluiceCodecMatches(RecordBatchReader reader, CodecCase codec, String batch) {
        Compressor compressor = codecs.forId(codec.codecId());
        ByteBuffer section = reader.batch().position(RecordBatchDescriptor.RECORDS_OFFSET).slice();
        byte[] plain = ClassPathCodecs.decompressStream(compressor, section);
        assertThat(ClassPathCodecs.decompressBuffer(compressor, section)).as(batch + ": ByteBuffer decompression")
                .isEqualTo(plain);
        if (!codec.type().equals("zstd")) {
            int level = codec.level() == null ? compressor.defaultLevel() : codec.level();
            assertThat(ClassPathCodecs.compress(compressor, plain, level))
                    .as(batch + ": Sluice's %s at level %d gives the official client's bytes", codec.type(), level)
                    .isEqualTo(section);
        }
    }
}
