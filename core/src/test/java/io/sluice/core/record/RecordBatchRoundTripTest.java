package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MutableRecordBatch;

/** What we write, Kafka reads; what Kafka writes (plain and gzip), we read. */
class RecordBatchRoundTripTest {

    @Property(tries = 200)
    void kafkaShouldReadTheRecordsWeWrite(@ForAll("batches") List<TestRecord> records,
                                          @ForAll("producerStates") ProducerState state,
                                          @ForAll boolean direct) {
        ByteBuffer ours = SluiceBatches.write(records, BatchCompression.NONE, state, direct);

        assertThat(KafkaOracle.read(ours)).containsExactlyElementsOf(records);
        MutableRecordBatch batch = KafkaOracle.batches(ours).get(0);
        assertThat(batch.producerId()).isEqualTo(state.producerId());
        assertThat(batch.producerEpoch()).isEqualTo(state.epoch());
        assertThat(batch.baseSequence()).isEqualTo(state.baseSequence());
        assertThat(batch.isTransactional()).isEqualTo(state.transactional());
    }

    @Property(tries = 100)
    void kafkaShouldReadOurGzipBatches(@ForAll("batches") List<TestRecord> records,
                                       @ForAll("producerStates") ProducerState state,
                                       @ForAll @IntRange(min = 1, max = 9) int level,
                                       @ForAll boolean direct) {
        BatchCompression gzip = new BatchCompression(new GzipTestCompressor(), level);
        ByteBuffer ours = SluiceBatches.write(records, gzip, state, direct);

        MutableRecordBatch batch = KafkaOracle.batches(ours).get(0);
        assertThat(batch.compressionType().id).isEqualTo((byte) 1);
        assertThat(KafkaOracle.read(ours)).containsExactlyElementsOf(records);
    }

    @Property(tries = 200)
    void weShouldReadWhatKafkaWritesUncompressed(@ForAll("batches") List<TestRecord> records,
                                                 @ForAll("producerStates") ProducerState state) {
        ByteBuffer kafka = KafkaOracle.write(records, Compression.NONE, state);

        assertThat(SluiceBatches.read(kafka, CompressorLookup.none())).containsExactlyElementsOf(records);
        RecordBatchReader reader = new RecordBatchReader(kafka, CompressorLookup.none());
        assertThat(reader.nextBatch()).isTrue();
        assertThat(reader.producerId()).isEqualTo(state.producerId());
        assertThat(reader.producerEpoch()).isEqualTo(state.epoch());
        assertThat(reader.baseSequence()).isEqualTo(state.baseSequence());
        assertThat(reader.isTransactional()).isEqualTo(state.transactional());
        assertThat(reader.recordCount()).isEqualTo(records.size());
        assertThat(reader.lastOffsetDelta()).isEqualTo(records.size() - 1);
        assertThat(reader.nextBatch()).isFalse();
    }

    @Property(tries = 100)
    void weShouldReadWhatKafkaWritesWithGzip(@ForAll("batches") List<TestRecord> records,
                                             @ForAll("producerStates") ProducerState state,
                                             @ForAll @IntRange(min = 1, max = 9) int level) {
        ByteBuffer kafka = KafkaOracle.write(records, Compression.gzip().level(level).build(), state);

        RecordBatchReader reader = new RecordBatchReader(kafka, SluiceBatches.GZIP);
        assertThat(reader.nextBatch()).isTrue();
        assertThat(reader.codecId()).isEqualTo(1);
        assertThat(SluiceBatches.read(kafka, SluiceBatches.GZIP)).containsExactlyElementsOf(records);
    }

    @Property(tries = 50)
    void weShouldReadManyBatchesLaidEndToEnd(@ForAll("batches") List<TestRecord> first,
                                             @ForAll("batches") List<TestRecord> second) {
        ByteBuffer a = KafkaOracle.write(first, Compression.gzip().build(), ProducerState.NONE);
        ByteBuffer b = SluiceBatches.write(second);
        ByteBuffer log = ByteBuffer.allocate(a.remaining() + b.remaining()).put(a.duplicate()).put(b.duplicate()).flip();

        List<TestRecord> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        assertThat(SluiceBatches.read(log, SluiceBatches.GZIP)).containsExactlyElementsOf(all);
        assertThat(KafkaOracle.read(log)).containsExactlyElementsOf(all);
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
