package io.sluice.it.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.spi.Compressor;
import io.sluice.core.Producers;
import io.sluice.core.record.RecordBatchDescriptor;
import io.sluice.core.record.RecordBatchReader;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.StoredBatch;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sluice compresses with each codec module against a real Kafka 4.4 broker: the official
 * {@code KafkaConsumer} reads every record back unchanged, and the broker's log holds multi-record
 * batches carrying that codec's id, whose records sections are exactly what the codec makes of the
 * records at the configured level.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SluiceCompressedBatchesTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final int RECORDS = 2000;
    private static final int PARTITIONS = 2;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

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
    void everyRecordReadsBackFromMultiRecordBatchesStoredWithTheCodecAtItsLevel(CodecCase codec) throws Exception {
        String topic = kafka.uniqueTopic("sluice-" + codec.slug());
        // "producer" is Kafka's default; said explicitly: the broker keeps the producer's batches as they are
        kafka.cluster().createTopic(topic, PARTITIONS, 1, Map.of("compression.type", "producer"));
        List<MixRecord> mix = RecordMix.generate(RECORDS, 42);

        Map<String, MixRecord> sent = produce(topic, mix, codec.producerConfig());

        assertTheConsumerReadsBack(topic, sent);
        List<StoredBatch> stored = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            stored.addAll(kafka.cluster().storedBatches(topic, p));
        }
        assertThat(stored).as("stored batches").allSatisfy(b -> {
            assertThat(b.magic()).isEqualTo((byte) 2);
            assertThat(b.compressionName()).as("codec of the batch at offset %d", b.baseOffset()).isEqualTo(codec.type());
        });
        assertMultiRecord(stored);
        if (codec.codecId() != 0) {
            assertStoredSectionsAreTheCodecsOutputAtItsLevel(topic, codec);
        }
    }

    static Stream<Arguments> forcedByTheTopic() {
        return Stream.of(
                Arguments.of("zstd", "gzip"),
                Arguments.of("none", "lz4"),
                Arguments.of("lz4", "uncompressed"));
    }

    /**
     * A topic's own {@code compression.type} other than {@code producer} makes the broker decompress
     * what the producer sent and recompress it with the topic's codec (or store it uncompressed): the
     * log then holds the topic's codec, and consumers read the same records.
     */
    @ParameterizedTest(name = "producer {0}, topic {1}")
    @MethodSource("forcedByTheTopic")
    void aTopicForcingAnotherCodecIsRecompressedByTheBrokerAndReadsBackUnchanged(String producerCodec, String topicCodec)
            throws Exception {
        String topic = kafka.uniqueTopic("forced-" + producerCodec + "-to-" + topicCodec);
        kafka.cluster().createTopic(topic, 1, 1, Map.of("compression.type", topicCodec));
        List<MixRecord> mix = RecordMix.generate(500, 7);

        Map<String, MixRecord> sent = produce(topic, mix, Map.of("compression.type", producerCodec));

        assertTheConsumerReadsBack(topic, sent);
        String expected = topicCodec.equals("uncompressed") ? "none" : topicCodec;
        assertThat(kafka.cluster().storedBatches(topic, 0)).isNotEmpty()
                .allSatisfy(b -> assertThat(b.compressionName()).isEqualTo(expected));
    }

    /** Sends the mix with Sluice (byte[] serializers) and returns what was sent by "partition/offset". */
    private static Map<String, MixRecord> produce(String topic, List<MixRecord> mix, Map<String, Object> codecConfig)
            throws Exception {
        Map<String, Object> config = new HashMap<>(codecConfig);
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("key.serializer", "bytearray");
        config.put("value.serializer", "bytearray");
        config.put("linger.ms", 100); // batches fill by size; flush() sends the rest at once
        List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>(mix.size());
        try (Producer<byte[], byte[]> producer = Producers.create(config)) {
            for (MixRecord r : mix) {
                futures.add(producer.send(new ProducerRecord<>(topic, null, r.timestamp(), r.key(), r.value(),
                        r.sluiceHeaders())));
            }
            producer.flush();
        }
        Map<String, MixRecord> sent = new HashMap<>();
        for (int i = 0; i < mix.size(); i++) {
            RecordMetadata md = futures.get(i).get(30, TimeUnit.SECONDS);
            assertThat(md.hasOffset()).isTrue();
            assertThat(sent.put(md.partition() + "/" + md.offset(), mix.get(i))).as("two records acknowledged at "
                    + md.partition() + "/" + md.offset()).isNull();
        }
        return sent;
    }

    private static void assertTheConsumerReadsBack(String topic, Map<String, MixRecord> sent) {
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, sent.size(), READ_TIMEOUT);
        assertThat(read).hasSize(sent.size());
        for (ConsumerRecord<byte[], byte[]> r : read) {
            String where = r.partition() + "/" + r.offset();
            MixRecord expected = sent.get(where);
            assertThat(expected).as("a record was read at %s that Sluice did not acknowledge there", where).isNotNull();
            expected.assertSameAs(MixRecord.of(r), where);
            assertThat(r.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        }
    }

    /** Batching happened: on average at least 10 records a batch, and some batches of 50 or more. */
    private static void assertMultiRecord(List<StoredBatch> stored) {
        assertThat(stored.stream().mapToInt(StoredBatch::recordCount).sum()).isEqualTo(RECORDS);
        assertThat(stored.size()).as("batches for %d records", RECORDS).isLessThanOrEqualTo(RECORDS / 10);
        assertThat(stored.stream().mapToInt(StoredBatch::recordCount).max().orElse(0)).isGreaterThanOrEqualTo(50);
    }

    /**
     * Decompresses every stored batch's records section and compresses it again with the codec's
     * ByteBuffer API at the configured level: the result equals the stored bytes, so the level
     * reached the wire. For a non-default level, at least one batch differs from the codec's output
     * at its default level, so the level made a difference (the codecs are deterministic).
     */
    private static void assertStoredSectionsAreTheCodecsOutputAtItsLevel(String topic, CodecCase codec) {
        Compressor compressor = codecs.forId(codec.codecId());
        int level = codec.level() == null ? compressor.defaultLevel() : codec.level();
        int compared = 0;
        boolean differsFromDefaultLevel = false;
        for (int p = 0; p < PARTITIONS; p++) {
            RecordBatchReader reader = new RecordBatchReader(SegmentBytes.of(kafka.cluster(), topic, p), codecs.lookup());
            while (reader.nextBatch()) {
                String where = topic + "-" + p + " batch at offset " + reader.baseOffset();
                assertThat(reader.codecId()).as(where).isEqualTo(codec.codecId());
                ByteBuffer section = reader.batch().position(RecordBatchDescriptor.RECORDS_OFFSET).slice();
                byte[] plain = ClassPathCodecs.decompressStream(compressor, section);
                assertThat(ClassPathCodecs.decompressBuffer(compressor, section)).as(where).isEqualTo(plain);
                assertThat(ClassPathCodecs.compress(compressor, plain, level)).as(where + ": recompressed at level " + level)
                        .isEqualTo(section);
                if (codec.level() != null && !section.equals(ClassPathCodecs.compress(compressor, plain, compressor.defaultLevel()))) {
                    differsFromDefaultLevel = true;
                }
                compared++;
            }
        }
        assertThat(compared).isPositive();
        if (codec.level() != null && codec.level() != compressor.defaultLevel()) {
            assertThat(differsFromDefaultLevel).as("some batch compressed at level %d differs from level %d",
                    level, compressor.defaultLevel()).isTrue();
        }
    }
}
