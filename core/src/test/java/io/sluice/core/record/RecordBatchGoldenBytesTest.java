package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.RecordHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.apache.kafka.common.compress.Compression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our uncompressed batches are byte-for-byte what Kafka's {@code MemoryRecordsBuilder} writes for
 * the same records and producer state (base offset 0, CreateTime, magic 2).
 */
class RecordBatchGoldenBytesTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final ProducerState IDEMPOTENT = new ProducerState(4711L, (short) 3, 42, false);
    private static final ProducerState TRANSACTIONAL = new ProducerState(9_000_000_000L, (short) 0, 0, true);
    private static final ProducerState WRAPPING = new ProducerState(1L, Short.MAX_VALUE, Integer.MAX_VALUE, false);

    static Stream<Arguments> cases() {
        List<TestRecord> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(TestRecord.of(T0 + i * 7L, "key-" + i, "value-" + "x".repeat(i % 200)));
        }
        return Stream.of(
                Arguments.of("one record, key and value", List.of(TestRecord.of(T0, "k", "v")), ProducerState.NONE),
                Arguments.of("null key", List.of(TestRecord.of(T0, null, "v")), ProducerState.NONE),
                Arguments.of("null value (tombstone)", List.of(TestRecord.of(T0, "k", null)), ProducerState.NONE),
                Arguments.of("null key and value", List.of(TestRecord.of(T0, null, null)), ProducerState.NONE),
                Arguments.of("empty key and value", List.of(TestRecord.of(T0, "", "")), ProducerState.NONE),
                Arguments.of("timestamp 0", List.of(TestRecord.of(0L, "k", "v")), ProducerState.NONE),
                Arguments.of("no timestamp (-1)", List.of(TestRecord.of(-1L, "k", "v"), TestRecord.of(T0, "k", "v")),
                        ProducerState.NONE),
                Arguments.of("headers incl. null value and unicode keys", List.of(TestRecord.of(T0, "k", "v",
                        new RecordHeader("trace", TestRecord.bytes("abc")),
                        new RecordHeader("nothing", null),
                        new RecordHeader("", new byte[0]),
                        new RecordHeader("ключ-鍵-😀", new byte[] {1, 2, 3}),
                        new RecordHeader("trace", TestRecord.bytes("again")))), ProducerState.NONE),
                Arguments.of("timestamps going backwards (negative deltas)", List.of(
                        TestRecord.of(T0, "a", "1"), TestRecord.of(T0 - 5_000, "b", "2"), TestRecord.of(T0 + 99, "c", "3")),
                        ProducerState.NONE),
                Arguments.of("300 records (2-byte offset deltas, long values)", many, ProducerState.NONE),
                Arguments.of("idempotent", List.of(TestRecord.of(T0, "k", "v"), TestRecord.of(T0 + 1, "k2", "v2")),
                        IDEMPOTENT),
                Arguments.of("transactional", List.of(TestRecord.of(T0, "k", "v")), TRANSACTIONAL),
                Arguments.of("max epoch and sequence", many.subList(0, 3), WRAPPING),
                Arguments.of("large value (3-byte varint length)", List.of(new TestRecord(T0, null, new byte[70_000],
                        List.of())), ProducerState.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldWriteTheSameBytesAsKafkasMemoryRecordsBuilder(String name, List<TestRecord> records, ProducerState state) {
        ByteBuffer kafka = KafkaOracle.write(records, Compression.NONE, state);

        ByteBuffer heap = SluiceBatches.write(records, BatchCompression.NONE, state, false);
        ByteBuffer direct = SluiceBatches.write(records, BatchCompression.NONE, state, true);

        assertThat(heap).isEqualTo(kafka);
        assertThat(direct).isEqualTo(kafka);
    }

    @Property(tries = 300)
    void shouldWriteTheSameBytesAsKafkaForAnyRecords(@ForAll("batches") List<TestRecord> records,
                                                     @ForAll("producerStates") ProducerState state,
                                                     @ForAll boolean direct) {
        ByteBuffer kafka = KafkaOracle.write(records, Compression.NONE, state);
        ByteBuffer ours = SluiceBatches.write(records, BatchCompression.NONE, state, direct);
        assertThat(ours).isEqualTo(kafka);
    }

    @Provide
    Arbitrary<List<TestRecord>> batches() {
        return TestRecordArbitraries.batches();
    }

    @Provide
    Arbitrary<ProducerState> producerStates() {
        return TestRecordArbitraries.producerStates();
    }
}
