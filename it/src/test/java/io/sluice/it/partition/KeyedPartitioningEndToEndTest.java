package io.sluice.it.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Producer;
import io.sluice.api.RecordMetadata;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Users switching from the official client must find every key where it was: the same 10,000 keyed
 * records (edge cases first, then seeded random keys) go once through Sluice and once through Apache
 * Kafka's own {@link KafkaProducer}, each to its own topic of 12 partitions, and the official consumer
 * reads both back. Record {@code i} (its value is {@code i}) must sit in the same partition of both topics.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeyedPartitioningEndToEndTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final int PARTITIONS = 12;
    private static final int COUNT = 10_000;
    private static final List<byte[]> KEYS = PartitionTestKeys.keys(COUNT, 20_241_125L);
    private static final HexFormat HEX = HexFormat.of();

    /** One record to send with both producers: explicit partition (or null), key (or null), value. */
    private record Rec(Integer partition, byte[] key, byte[] value) {
    }

    @Test
    void theKeySetHoldsTheHashEdgeCasesByKafkasOwnMurmur2() {
        assertThat(Utils.murmur2(PartitionTestKeys.keyWithHash(Integer.MIN_VALUE))).isEqualTo(Integer.MIN_VALUE);
        assertThat(Utils.murmur2(PartitionTestKeys.keyWithHash(-1))).isEqualTo(-1);
        assertThat(Utils.murmur2(PartitionTestKeys.keyWithHash(Integer.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
        List<byte[]> edgeCases = PartitionTestKeys.edgeCases();
        assertThat(KEYS).hasSize(COUNT).usingElementComparator(Arrays::compare)
                .startsWith(edgeCases.toArray(new byte[0][]))
                .contains(new byte[0], new byte[] {(byte) 0x80});
    }

    static Stream<Arguments> keyedSettings() {
        return Stream.of(
                Arguments.of("defaults", Map.of()),
                Arguments.of("partitioner.ignore.keys=false", Map.of("partitioner.ignore.keys", "false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedSettings")
    void keyedRecordsLandInTheSamePartitionsAsWithTheOfficialProducer(String name, Map<String, String> settings)
            throws Exception {
        List<Rec> records = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            records.add(new Rec(null, KEYS.get(i), value(i)));
        }

        Map<Integer, Integer> bySluice = partitionsByRecord(sendWithSluice("keyed-sluice", records, settings), records);
        Map<Integer, Integer> byKafka = partitionsByRecord(sendWithKafka("keyed-kafka", records, settings), records);

        assertSamePartitions(records, bySluice, byKafka);
        assertThat(new TreeSet<>(byKafka.values())).as("the keys spread over every partition").hasSize(PARTITIONS);
    }

    @Test
    void explicitPartitionsWinOverKeysAndKeylessRecordsWithAPartitionGoThereToo() throws Exception {
        List<Rec> records = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Integer explicit = i % 3 == 0 ? (i * 5) % PARTITIONS : null;
            byte[] key = explicit != null && i % 2 == 0 ? null : KEYS.get(i);
            records.add(new Rec(explicit, key, value(i)));
        }
        Map<String, String> settings = Map.of("partitioner.ignore.keys", "false");

        Map<Integer, Integer> bySluice = partitionsByRecord(sendWithSluice("explicit-sluice", records, settings), records);
        Map<Integer, Integer> byKafka = partitionsByRecord(sendWithKafka("explicit-kafka", records, settings), records);

        assertSamePartitions(records, bySluice, byKafka);
        for (int i = 0; i < COUNT; i += 3) {
            assertThat(bySluice.get(i)).as("record %d names partition %d", i, records.get(i).partition())
                    .isEqualTo(records.get(i).partition());
        }
    }

    private static byte[] value(int i) {
        return Integer.toString(i).getBytes(StandardCharsets.UTF_8);
    }

    private static String sendWithSluice(String hint, List<Rec> records, Map<String, String> settings) throws Exception {
        String topic = kafka.createTopic(hint, PARTITIONS, 1);
        Map<String, Object> config = new HashMap<>(settings);
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("key.serializer", "bytearray");
        config.put("value.serializer", "bytearray");
        config.put("enable.idempotence", "false");
        config.put("linger.ms", "5");
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        try (Producer<byte[], byte[]> producer = Producers.create(config)) {
            for (Rec r : records) {
                sent.add(producer.send(new io.sluice.api.ProducerRecord<>(topic, r.partition(), r.key(), r.value())));
            }
            producer.flush();
        }
        for (int i = 0; i < sent.size(); i++) {
            RecordMetadata md = sent.get(i).get(30, TimeUnit.SECONDS);
            assertThat(md.hasOffset()).as("record %d acknowledged", i).isTrue();
        }
        return topic;
    }

    private static String sendWithKafka(String hint, List<Rec> records, Map<String, String> settings) throws Exception {
        String topic = kafka.createTopic(hint, PARTITIONS, 1);
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // As for Sluice: at least once. (Idempotent, the official producer can get stuck retrying OUT_OF_ORDER_SEQUENCE
        // when its first batches meet NOT_LEADER_OR_FOLLOWER on a topic created a moment ago.)
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        List<Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Rec r : records) {
                sent.add(producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, r.partition(), r.key(),
                        r.value())));
            }
            producer.flush();
        }
        for (Future<org.apache.kafka.clients.producer.RecordMetadata> f : sent) {
            assertThat(f.get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
        }
        return topic;
    }

    /**
     * Reads the topic back with the official consumer: record index (its value) to partition. Each key must
     * come back as sent: an empty key stays empty (a key, hashed) and does not turn into null (no key, sticky).
     */
    private static Map<Integer, Integer> partitionsByRecord(String topic, List<Rec> sent) {
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, COUNT, Duration.ofSeconds(60));
        assertThat(read).as(topic).hasSize(COUNT);
        Map<Integer, Integer> partitions = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : read) {
            int index = Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8));
            assertThat(r.key()).as("key of record %d in %s", index, topic).isEqualTo(sent.get(index).key());
            partitions.put(index, r.partition());
        }
        assertThat(partitions).as("every record once in " + topic).hasSize(COUNT);
        return partitions;
    }

    private static void assertSamePartitions(List<Rec> records, Map<Integer, Integer> bySluice, Map<Integer, Integer> byKafka) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (!bySluice.get(i).equals(byKafka.get(i))) {
                byte[] key = records.get(i).key();
                String shownKey = key == null ? "null" : key.length + " bytes " + HEX.formatHex(key, 0, Math.min(key.length, 32));
                differences.add("record " + i + " key " + shownKey + ": Sluice " + bySluice.get(i) + ", Kafka " + byKafka.get(i));
            }
        }
        assertThat(differences.size()).as("records in different partitions, the first: %s",
                differences.subList(0, Math.min(20, differences.size()))).isZero();
    }
}
