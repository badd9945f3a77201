package io.sluice.core.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads batches with Sluice's own classes, for tests. Stateless. */
final class SluiceBatches {

    static final CompressorLookup GZIP = CompressorLookup.of(new GzipTestCompressor());

    private SluiceBatches() {
    }

    /** One batch holding all records (the write limit is the buffer's size). */
    static ByteBuffer write(List<TestRecord> records, BatchCompression compression, ProducerState state,
                            boolean direct) {
        int capacity = 128;
        for (TestRecord r : records) {
            capacity += RecordSizes.estimateBatchSizeUpperBound(r.keySize(), r.valueSize(),
                    RecordSizes.sizeOfHeaders(r.headerArray()));
        }
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        RecordBatchBuilder builder = new RecordBatchBuilder(buffer, capacity, compression, 1.0f);
        for (TestRecord r : records) {
            int delta = builder.tryAppend(r.timestamp, r.key, r.value, r.headerArray());
            if (delta == RecordBatchBuilder.NO_ROOM) {
                throw new AssertionError("record did not fit a batch sized for all records: " + r);
            }
        }
        return builder.close(new CompressionScratch(direct), state.producerId(), state.epoch(), state.baseSequence(),
                state.transactional());
    }

    static ByteBuffer write(List<TestRecord> records) {
        return write(records, BatchCompression.NONE, ProducerState.NONE, false);
    }

    /** Every record of every batch in {@code bytes}. */
    static List<TestRecord> read(ByteBuffer bytes, CompressorLookup codecs) {
        List<TestRecord> records = new ArrayList<>();
        RecordBatchReader reader = new RecordBatchReader(bytes, codecs);
        while (reader.nextBatch()) {
            RecordCursor cursor = reader.records();
            while (cursor.next()) {
                records.add(new TestRecord(cursor.timestamp(), cursor.keyBytes(), cursor.valueBytes(),
                        List.of(cursor.headers())));
            }
        }
        return records;
    }
}
