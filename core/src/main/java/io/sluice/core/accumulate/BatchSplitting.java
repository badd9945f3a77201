package io.sluice.core.accumulate;

import io.sluice.core.record.BatchCompression;
import io.sluice.core.record.CompressorLookup;
import io.sluice.core.record.RecordBatchBuilder;
import io.sluice.core.record.RecordBatchReader;
import io.sluice.core.record.RecordCursor;
import io.sluice.core.record.RecordSizes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a batch the broker refused as too large into batches of at most {@code batch.size}, as
 * Kafka's {@code ProducerBatch.split}: the records are read back from the batch's own bytes
 * (decompressing them) and appended, in order, to new batches that take over each record's future
 * and callback. The new batches' buffers come from the heap, outside {@code buffer.memory}: the
 * sender thread must not wait for memory, and the original batch's memory is freed right after.
 * Sender thread only.
 */
final class BatchSplitting {

    private final AccumulatorConfig config;

    BatchSplitting(AccumulatorConfig config) {
        this.config = config;
    }

    /** The new batches, in record order. The original is marked split. */
    List<ProducerBatch> split(ProducerBatch big, long nowMs) {
        BatchCompression compression = config.compression();
        CompressorLookup codecs = compression.isNone()
                ? CompressorLookup.none()
                : CompressorLookup.of(compression.compressor());
        RecordBatchReader reader = new RecordBatchReader(big.records(), codecs);
        if (!reader.nextBatch()) {
            throw new IllegalStateException("Batch for " + big.topicPartition() + " has no bytes to split");
        }
        RecordCompletions completions = big.completions();
        List<ProducerBatch> out = new ArrayList<>();
        ProducerBatch current = null;
        RecordCursor cursor = reader.records();
        while (cursor.next()) {
            int i = cursor.index();
            if (current == null || current.appendRaw(cursor.timestamp(), cursor.key(), cursor.value(), cursor.headers())
                    == RecordBatchBuilder.NO_ROOM) {
                current = newSplitBatch(big, cursor, nowMs);
                out.add(current);
                current.appendRaw(cursor.timestamp(), cursor.key(), cursor.value(), cursor.headers());
            }
            current.adoptRecord(completions, i);
        }
        big.markSplit();
        return out;
    }

    private ProducerBatch newSplitBatch(ProducerBatch big, RecordCursor first, long nowMs) {
        int firstRecord = RecordSizes.estimateBatchSizeUpperBound(first.keySize(), first.valueSize(),
                RecordSizes.sizeOfHeaders(first.headers()));
        // A ratio of 1 (no compression benefit assumed): the estimate was off, that is why we split.
        int size = Math.max(firstRecord, RecordBatchBuilder.bufferSizeFor(Math.max(config.batchSize(), 1), 1.0f));
        ByteBuffer buffer = ByteBuffer.allocate(size);
        RecordBatchBuilder builder = new RecordBatchBuilder(buffer, Math.max(config.batchSize(), 1), config.compression(), 1.0f);
        ProducerBatch batch = new ProducerBatch(big.topicPartition(), buffer, builder, config.keepHeaders(), big.createdMs());
        batch.markOffPool();
        return batch;
    }
}
