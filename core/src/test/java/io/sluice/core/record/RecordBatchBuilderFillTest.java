package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * {@code batch.size} means what it means in Kafka: record by record, our builder accepts exactly
 * when Kafka's {@code MemoryRecordsBuilder.hasRoomFor} does (same write limit, same estimated
 * compression ratio), and the estimated sizes agree.
 */
class RecordBatchBuilderFillTest {

    @Property(tries = 300)
    void shouldAcceptRecordsExactlyWhenKafkaHasRoomForThemUncompressed(
            @ForAll("records") List<TestRecord> records, @ForAll @IntRange(min = 0, max = 8192) int batchSize) {
        TestRecord first = records.get(0);
        int capacity = Math.max(batchSize, upperBound(first));
        RecordBatchBuilder ours = new RecordBatchBuilder(ByteBuffer.allocate(capacity), batchSize);
        MemoryRecordsBuilder kafka = kafkaBuilder(capacity, Compression.NONE, batchSize);

        int accepted = fillBoth(records, ours, kafka);

        Statistics.label("batch").collect(accepted < records.size() ? "filled up" : "took every record");
        Statistics.label("batch").coverage(c -> c.check("filled up").percentage(p -> p > 30));
        assertThat(accepted).isGreaterThanOrEqualTo(1);
        assertThat(ours.recordCount()).isEqualTo(kafka.numRecords());
        assertThat(ours.close(null)).isEqualTo(kafka.build().buffer());
    }

    @Property(tries = 300)
    void shouldAcceptRecordsExactlyWhenKafkaHasRoomForThemCompressed(
            @ForAll("records") List<TestRecord> records, @ForAll @IntRange(min = 0, max = 8192) int batchSize,
            @ForAll @FloatRange(min = 0.05f, max = 1.5f) float estimatedRatio) {
        TestRecord first = records.get(0);
        // sized as the accumulator should: room for the uncompressed records the estimate allows
        int capacity = Math.max(RecordBatchBuilder.bufferSizeFor(batchSize, estimatedRatio), upperBound(first));
        BatchCompression gzip = BatchCompression.of(new GzipTestCompressor());
        RecordBatchBuilder ours = new RecordBatchBuilder(ByteBuffer.allocate(capacity), batchSize, gzip, estimatedRatio);
        MemoryRecordsBuilder kafka = kafkaBuilder(capacity, Compression.gzip().build(), batchSize);
        kafka.setEstimatedCompressionRatio(estimatedRatio);

        int accepted = fillBoth(records, ours, kafka);

        Statistics.label("batch").collect(accepted < records.size() ? "filled up" : "took every record");
        Statistics.label("batch").coverage(c -> c.check("filled up").percentage(p -> p > 30));
        assertThat(ours.recordCount()).isEqualTo(kafka.numRecords());
        assertThat(ours.uncompressedSizeInBytes()).isEqualTo(kafka.uncompressedBytesWritten());
        ByteBuffer batch = ours.close(new CompressionScratch());
        assertThat(KafkaOracle.read(batch)).containsExactlyElementsOf(records.subList(0, ours.recordCount()));
    }

    /** Appends until our builder refuses, checking each decision against Kafka's; returns the count. */
    private static int fillBoth(List<TestRecord> records, RecordBatchBuilder ours, MemoryRecordsBuilder kafka) {
        for (TestRecord r : records) {
            boolean kafkaHasRoom = kafka.hasRoomFor(r.timestamp, r.key, r.value, r.kafkaHeaders());
            assertThat(ours.hasRoomFor(r.timestamp, r.keySize(), r.valueSize(),
                    RecordSizes.sizeOfHeaders(r.headerArray()))).isEqualTo(kafkaHasRoom);
            int delta = ours.tryAppend(r.timestamp, r.key, r.value, r.headerArray());
            assertThat(delta != RecordBatchBuilder.NO_ROOM).as("accepted %s", r).isEqualTo(kafkaHasRoom);
            if (!kafkaHasRoom) {
                break;
            }
            kafka.append(r.timestamp, r.key, r.value, r.kafkaHeaders());
            assertThat(delta).isEqualTo(kafka.numRecords() - 1);
            assertThat(ours.estimatedSizeInBytes()).isEqualTo(kafka.estimatedSizeInBytes());
            assertThat(ours.isFull()).isEqualTo(kafka.isFull());
        }
        return ours.recordCount();
    }

    private static int upperBound(TestRecord r) {
        return RecordSizes.estimateBatchSizeUpperBound(r.keySize(), r.valueSize(), RecordSizes.sizeOfHeaders(r.headerArray()));
    }

    private static MemoryRecordsBuilder kafkaBuilder(int capacity, Compression compression, int writeLimit) {
        return new MemoryRecordsBuilder(ByteBuffer.allocate(capacity), RecordBatch.MAGIC_VALUE_V2, compression,
                TimestampType.CREATE_TIME, 0L, RecordBatch.NO_TIMESTAMP, RecordBatch.NO_PRODUCER_ID,
                RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE, false, false,
                RecordBatch.NO_PARTITION_LEADER_EPOCH, writeLimit);
    }

    @Provide
    Arbitrary<List<TestRecord>> records() {
        return TestRecordArbitraries.records().list().ofMinSize(1).ofMaxSize(400);
    }
}
