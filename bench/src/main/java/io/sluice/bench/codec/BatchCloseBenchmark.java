package io.sluice.bench.codec;

import io.sluice.api.spi.Compressor;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.record.CompressionScratch;
import io.sluice.core.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole batch per operation: append every record of a 16 KiB or 1 MiB batch (100-byte JSON values,
 * keys, some headers), then close it (compression, header, CRC-32C, producer state).
 * <ul>
 *   <li>{@code sluice}: {@link RecordBatchBuilder} on a direct buffer with a direct
 *       {@link CompressionScratch}, as the producer's accumulator uses them: plain appends, the records
 *       compressed in one go at seal.</li>
 *   <li>{@code kafka}: the official producer's {@link MemoryRecordsBuilder} on a heap buffer, as its
 *       accumulator uses it ({@code hasRoomFor}, then {@code append}, records streamed through the
 *       codec as they come; {@code setProducerState} and {@code close} on drain).</li>
 * </ul>
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class BatchCloseBenchmark {

    private static final long PRODUCER_ID = 4711L;
    private static final short EPOCH = 0;

    @Param({"none", "gzip", "snappy", "lz4", "zstd"})
    public String codec;

    @Param({"16384", "1048576"})
    public int batchBytes;

    private List<JsonRecords.Record> records;
    private io.sluice.api.Header[][] sluiceHeaders;
    private Header[][] kafkaHeaders;
    private Compressor sluiceCodec;
    private BatchCompression sluiceCompression;
    private ByteBuffer sluiceBuffer;
    private CompressionScratch scratch;
    private Compression kafkaCompression;
    private ByteBuffer kafkaBuffer;

    @Setup(Level.Trial)
    public void setUp() {
        CodecSpec spec = CodecSpec.parse(codec);
        JsonRecords json = JsonRecords.ofSize(batchBytes);
        records = json.records();
        sluiceHeaders = new io.sluice.api.Header[records.size()][];
        kafkaHeaders = new Header[records.size()][];
        for (int i = 0; i < records.size(); i++) {
            JsonRecords.Record r = records.get(i);
            sluiceHeaders[i] = JsonRecords.headersOf(r);
            kafkaHeaders[i] = r.hasHeader() ? new Header[] {new RecordHeader(r.headerKey(), r.headerValue())} : new Header[0];
        }
        int capacity = json.sectionSize() + Math.max(64 * 1024, json.sectionSize() / 8);
        sluiceCodec = spec.sluice();
        sluiceCompression = sluiceCodec == null ? BatchCompression.NONE
                : new BatchCompression(sluiceCodec, spec.sluiceLevel(sluiceCodec));
        sluiceBuffer = ByteBuffer.allocateDirect(capacity);
        scratch = new CompressionScratch(true);
        kafkaCompression = spec.kafka();
        kafkaBuffer = ByteBuffer.allocate(capacity);
        checkBothBatchesHoldEveryRecord();
    }

    private void checkBothBatchesHoldEveryRecord() {
        ByteBuffer ours = sluice();
        MemoryRecords theirs = kafka();
        int kafkaCount = 0;
        for (var batch : theirs.batches()) {
            kafkaCount += batch.countOrNull();
        }
        int sluiceCount = ours.getInt(io.sluice.core.record.RecordBatchDescriptor.RECORDS_COUNT_OFFSET);
        if (sluiceCount != records.size() || kafkaCount != records.size()) {
            throw new IllegalStateException("Batches hold " + sluiceCount + " (Sluice) and " + kafkaCount
                    + " (Kafka) records, expected " + records.size() + "; enlarge the buffers");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (sluiceCodec != null) {
            sluiceCodec.close();
        }
    }

    @Benchmark
    public ByteBuffer sluice() {
        RecordBatchBuilder builder = new RecordBatchBuilder(sluiceBuffer, Integer.MAX_VALUE, sluiceCompression, 1.0f);
        for (int i = 0; i < records.size(); i++) {
            JsonRecords.Record r = records.get(i);
            if (builder.tryAppend(r.timestamp(), r.key(), r.value(), sluiceHeaders[i]) == RecordBatchBuilder.NO_ROOM) {
                throw new IllegalStateException("Sluice's batch is full after " + i + " records");
            }
        }
        return builder.close(scratch, PRODUCER_ID, EPOCH, 0, false);
    }

    @Benchmark
    public MemoryRecords kafka() {
        MemoryRecordsBuilder builder = MemoryRecords.builder(kafkaBuffer.clear(), (byte) 2, kafkaCompression,
                TimestampType.CREATE_TIME, 0L);
        for (int i = 0; i < records.size(); i++) {
            JsonRecords.Record r = records.get(i);
            if (!builder.hasRoomFor(r.timestamp(), r.key(), r.value(), kafkaHeaders[i])) {
                throw new IllegalStateException("Kafka's batch is full after " + i + " records");
            }
            builder.append(r.timestamp(), r.key(), r.value(), kafkaHeaders[i]);
        }
        builder.closeForRecordAppends();
        builder.setProducerState(PRODUCER_ID, EPOCH, 0, false);
        builder.close();
        return builder.build();
    }
}
