package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordBatchReaderTest {

    private static final long T0 = 1_700_000_000_000L;

    private static ByteBuffer concat(ByteBuffer... parts) {
        int size = 0;
        for (ByteBuffer p : parts) {
            size += p.remaining();
        }
        ByteBuffer all = ByteBuffer.allocateDirect(size);
        for (ByteBuffer p : parts) {
            all.put(p.duplicate());
        }
        return all.flip();
    }

    @Test
    void shouldReadBrokerStoredBatchesWithTheirOffsetsAndLogAppendTime() {
        ByteBuffer log = concat(
                KafkaOracle.writeAsBroker(List.of(TestRecord.of(T0, "a", "1"), TestRecord.of(T0 + 1, "b", "2")), 1000L, T0 + 50),
                KafkaOracle.writeAsBroker(List.of(TestRecord.of(T0 + 2, "c", "3")), 1002L, T0 + 60));
        RecordBatchReader reader = new RecordBatchReader(log, CompressorLookup.none());

        assertThat(reader.nextBatch()).isTrue();
        assertThat(reader.baseOffset()).isEqualTo(1000L);
        assertThat(reader.lastOffset()).isEqualTo(1001L);
        assertThat(reader.partitionLeaderEpoch()).isEqualTo(17);
        assertThat(reader.isLogAppendTime()).isTrue();
        assertThat(reader.position()).isZero();
        RecordCursor records = reader.records();
        assertThat(records.next()).isTrue();
        assertThat(records.offset()).isEqualTo(1000L);
        assertThat(records.timestamp()).isEqualTo(T0 + 50);
        assertThat(records.next()).isTrue();
        assertThat(records.offset()).isEqualTo(1001L);
        assertThat(records.index()).isEqualTo(1);
        assertThat(records.next()).isFalse();

        assertThat(reader.nextBatch()).isTrue();
        assertThat(reader.baseOffset()).isEqualTo(1002L);
        RecordCursor second = reader.records();
        assertThat(second.next()).isTrue();
        assertThat(second.offset()).isEqualTo(1002L);
        assertThat(second.timestamp()).isEqualTo(T0 + 60);
        assertThat(second.keyBytes()).isEqualTo("c".getBytes());
        assertThat(reader.nextBatch()).isFalse();
    }

    @Test
    void shouldFlagControlBatches() {
        ByteBuffer log = concat(
                SluiceBatches.write(List.of(TestRecord.of(T0, "k", "v")), BatchCompression.NONE,
                        new ProducerState(5L, (short) 0, 0, true), false),
                KafkaOracle.commitMarker(1L, T0 + 1, 5L, (short) 0));
        RecordBatchReader reader = new RecordBatchReader(log, CompressorLookup.none());

        assertThat(reader.nextBatch()).isTrue();
        assertThat(reader.isControl()).isFalse();
        assertThat(reader.isTransactional()).isTrue();
        assertThat(reader.nextBatch()).isTrue();
        assertThat(reader.isControl()).isTrue();
        assertThat(reader.isTransactional()).isTrue();
        assertThat(reader.producerId()).isEqualTo(5L);
        RecordCursor marker = reader.records();
        assertThat(marker.next()).isTrue();
        assertThat(marker.offset()).isEqualTo(1L);
        assertThat(marker.keySize()).isEqualTo(4); // version (int16) + type (int16)
        assertThat(marker.next()).isFalse();
    }

    @Test
    void shouldRestartTheRecordsOfABatchAndLeaveTheCallersBufferAlone() {
        ByteBuffer batch = SluiceBatches.write(List.of(TestRecord.of(T0, "k", "v"), TestRecord.of(T0, null, null)));
        int position = batch.position();
        RecordBatchReader reader = new RecordBatchReader(batch, CompressorLookup.none());
        reader.nextBatch();

        RecordCursor records = reader.records();
        records.next();
        records.next();
        assertThat(records.key()).isNull();
        assertThat(records.value()).isNull();
        assertThat(records.valueBytes()).isNull();
        records = reader.records();
        assertThat(records.next()).isTrue();
        assertThat(records.key()).isEqualTo(ByteBuffer.wrap("k".getBytes()));
        assertThat(records.key().isReadOnly()).isTrue();
        assertThat(reader.batch()).isEqualTo(batch);
        assertThat(reader.sizeInBytes()).isEqualTo(batch.remaining());
        assertThat(batch.position()).isEqualTo(position);
    }

    @Test
    void shouldReadAnEmptyBufferAsNoBatches() {
        RecordBatchReader reader = new RecordBatchReader(ByteBuffer.allocate(0), CompressorLookup.none());
        assertThat(reader.nextBatch()).isFalse();
        assertThatThrownBy(reader::baseOffset).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call nextBatch()");
    }

    @Test
    void shouldReadCompressedBatchesFromDirectBuffers() {
        List<TestRecord> records = List.of(TestRecord.of(T0, "k", "v".repeat(1000)), TestRecord.of(T0 + 3, "k2", null));
        ByteBuffer gzip = concat(SluiceBatches.write(records, BatchCompression.of(new GzipTestCompressor()),
                ProducerState.NONE, true));
        assertThat(gzip.isDirect()).isTrue();

        assertThat(SluiceBatches.read(gzip, SluiceBatches.GZIP)).containsExactlyElementsOf(records);
    }
}
