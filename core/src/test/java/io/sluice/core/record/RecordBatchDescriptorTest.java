package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.Test;

class RecordBatchDescriptorTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void shouldUseKafkasOffsetsAndAttributeBits() {
        assertThat(RecordBatchDescriptor.CRC_OFFSET).isEqualTo(DefaultRecordBatch.CRC_OFFSET);
        assertThat(RecordBatchDescriptor.LAST_OFFSET_DELTA_OFFSET).isEqualTo(DefaultRecordBatch.LAST_OFFSET_DELTA_OFFSET);
        assertThat(RecordBatchDescriptor.RECORDS_COUNT_OFFSET).isEqualTo(DefaultRecordBatch.RECORDS_COUNT_OFFSET);
        assertThat(RecordBatchDescriptor.RECORD_BATCH_OVERHEAD).isEqualTo(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        assertThat(RecordBatchDescriptor.LOG_OVERHEAD).isEqualTo(org.apache.kafka.common.record.internal.Records.LOG_OVERHEAD);
        assertThat(RecordBatchDescriptor.MAGIC_V2).isEqualTo(RecordBatch.MAGIC_VALUE_V2);
    }

    @Test
    void shouldReadEveryHeaderFieldOfABatchKafkaWrote() {
        ProducerState state = new ProducerState(123_456_789L, (short) 7, 1000, true);
        ByteBuffer batch = KafkaOracle.write(List.of(TestRecord.of(T0, "a", "1"), TestRecord.of(T0 + 9, "b", "2"),
                TestRecord.of(T0 - 2, "c", "3")), Compression.gzip().build(), state);
        MutableRecordBatch kafka = KafkaOracle.batches(batch).get(0);

        assertThat(RecordBatchDescriptor.baseOffset(batch, 0)).isEqualTo(kafka.baseOffset());
        assertThat(RecordBatchDescriptor.sizeInBytes(batch, 0)).isEqualTo(kafka.sizeInBytes()).isEqualTo(batch.remaining());
        assertThat(RecordBatchDescriptor.partitionLeaderEpoch(batch, 0)).isEqualTo(kafka.partitionLeaderEpoch());
        assertThat(RecordBatchDescriptor.magic(batch, 0)).isEqualTo(kafka.magic());
        assertThat(RecordBatchDescriptor.storedCrc(batch, 0)).isEqualTo(kafka.checksum());
        assertThat(RecordBatchDescriptor.computeCrc(batch, 0, batch.remaining())).isEqualTo(kafka.checksum());
        short attributes = RecordBatchDescriptor.attributes(batch, 0);
        assertThat(RecordBatchDescriptor.codecId(attributes)).isEqualTo(kafka.compressionType().id);
        assertThat(RecordBatchDescriptor.isTransactional(attributes)).isTrue();
        assertThat(RecordBatchDescriptor.isControl(attributes)).isFalse();
        assertThat(RecordBatchDescriptor.isLogAppendTime(attributes)).isFalse();
        assertThat(RecordBatchDescriptor.lastOffsetDelta(batch, 0)).isEqualTo(2);
        assertThat(RecordBatchDescriptor.baseTimestamp(batch, 0)).isEqualTo(T0);
        assertThat(RecordBatchDescriptor.maxTimestamp(batch, 0)).isEqualTo(kafka.maxTimestamp()).isEqualTo(T0 + 9);
        assertThat(RecordBatchDescriptor.producerId(batch, 0)).isEqualTo(state.producerId());
        assertThat(RecordBatchDescriptor.producerEpoch(batch, 0)).isEqualTo(state.epoch());
        assertThat(RecordBatchDescriptor.baseSequence(batch, 0)).isEqualTo(state.baseSequence());
        assertThat(RecordBatchDescriptor.lastSequence(batch, 0)).isEqualTo(kafka.lastSequence()).isEqualTo(1002);
        assertThat(RecordBatchDescriptor.recordsCount(batch, 0)).isEqualTo(3);
    }

    @Test
    void shouldComputeCrc32cOverAttributesToTheEnd() {
        ByteBuffer batch = SluiceBatches.write(List.of(TestRecord.of(T0, "k", "v")));
        byte[] covered = new byte[batch.remaining() - 21];
        batch.get(21, covered);
        CRC32C crc = new CRC32C();
        crc.update(covered);
        assertThat(RecordBatchDescriptor.storedCrc(batch, 0)).isEqualTo(crc.getValue());
    }

    @Property(tries = 200)
    void shouldRewriteProducerStateToWhatKafkaWouldHaveWritten(@ForAll("batches") List<TestRecord> records,
                                                             @ForAll("states") ProducerState before,
                                                             @ForAll("states") ProducerState after,
                                                             @ForAll boolean gzip) {
        BatchCompression compression = gzip ? BatchCompression.of(new GzipTestCompressor()) : BatchCompression.NONE;
        ByteBuffer batch = SluiceBatches.write(records, compression, before, false);
        ByteBuffer expected = SluiceBatches.write(records, compression, after, false);

        RecordBatchDescriptor.rewriteProducerState(batch, 0, after.producerId(), after.epoch(), after.baseSequence(),
                after.transactional());

        assertThat(batch).isEqualTo(expected);
        MutableRecordBatch kafka = KafkaOracle.batches(batch).get(0); // ensureValid: the CRC is right
        assertThat(kafka.producerId()).isEqualTo(after.producerId());
        assertThat(kafka.producerEpoch()).isEqualTo(after.epoch());
        assertThat(kafka.baseSequence()).isEqualTo(after.baseSequence());
        assertThat(kafka.isTransactional()).isEqualTo(after.transactional());
        assertThat(KafkaOracle.read(batch)).containsExactlyElementsOf(records);
    }

    @Test
    void shouldRewriteABatchThatDoesNotStartAtPositionZero() {
        ByteBuffer batch = SluiceBatches.write(List.of(TestRecord.of(T0, "k", "v")));
        ByteBuffer log = ByteBuffer.allocate(40 + batch.remaining());
        log.position(40);
        log.put(batch.duplicate()).flip();

        RecordBatchDescriptor.rewriteProducerState(log, 40, 99L, (short) 1, 5, false);

        ByteBuffer rewritten = log.duplicate().position(40).slice();
        assertThat(KafkaOracle.batches(rewritten).get(0).baseSequence()).isEqualTo(5);
        assertThat(log.position()).isZero();
    }

    @Test
    void shouldRefuseToStampInconsistentProducerState() {
        ByteBuffer batch = SluiceBatches.write(List.of(TestRecord.of(T0, "k", "v")));
        ByteBuffer before = ByteBuffer.allocate(batch.remaining()).put(batch.duplicate()).flip();
        assertThatThrownBy(() -> RecordBatchDescriptor.rewriteProducerState(batch, 0, -1L, (short) -1, -1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transactional batch needs a producer id");
        assertThat(batch).isEqualTo(before);
    }

    @Property
    void shouldIncrementSequencesWithKafkasWrapAround(@ForAll @IntRange(min = 0) int sequence,
                                                      @ForAll @IntRange(min = 0) int increment) {
        assertThat(RecordBatchDescriptor.incrementSequence(sequence, increment))
                .isEqualTo(DefaultRecordBatch.incrementSequence(sequence, increment));
    }

    @Test
    void shouldWrapTheLastSequencePastIntegerMaxValue() {
        assertThat(RecordBatchDescriptor.incrementSequence(Integer.MAX_VALUE, 1)).isZero();
        assertThat(RecordBatchDescriptor.incrementSequence(Integer.MAX_VALUE - 1, 3)).isEqualTo(1);
    }

    @Test
    void shouldRefuseCodecIdsBeyondThreeBits() {
        assertThatThrownBy(() -> RecordBatchDescriptor.producerAttributes(8, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Codec id 8");
    }

    @Provide
    Arbitrary<List<TestRecord>> batches() {
        return TestRecordArbitraries.records().list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<ProducerState> states() {
        return TestRecordArbitraries.producerStates();
    }
}
