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
 * Cuts a batch the broker refused as too large into smaller batches, as Kafka's
 * {@code ProducerBatch.split}: the records are read back from the batch's own bytes (decompressing
 * them) and appended, in order, to new batches that take over each record's future and callback.
 * Each new batch holds at most half the bytes of the refused one (and no more than
 * {@code batch.size}), so repeated refusals converge to single records, which then fail with
 * RECORD_TOO_LARGE instead of being split forever. The new batches' buffers come from the heap, outside {@code buffer.memory}: the
 * sender thread must not wait for memory, and the original batch's memory is freed right after.
 * Sender thread only.
 */
final class BatchSplitting {

    private final AccumulatorConfig config;

    BatchSplitting(AccumulatorConfig config) {
        this.config = config;
    }

    /** The new batches, in record order. The original is marked split. */
    List<ProducerBatch> split(ProducerBatch big) {
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
        int limit = Math.max(1, Math.min(Math.max(config.batchSize(), 1), reader.sizeInBytes() / 2));
        ProducerBatch current = null;
        RecordCursor cursor = reader.records();
        while (cursor.next()) {
            int i = cursor.index();
            if (current == null || current.appendRaw(cursor.timestamp(), cursor.key(), cursor.value(), cursor.headers())
                    == RecordBatchBuilder.NO_ROOM) {
                current = newSplitBatch(big, cursor, limit);
                out.add(current);
                current.appendRaw(cursor.timestamp(), cursor.key(), cursor.value(), cursor.headers());
            }
            current.adoptRecord(completions, i);
        }
        big.markSplit(out);
        return out;
    }

    private ProducerBatch newSplitBatch(ProducerBatch big, RecordCursor first, int limit) {
        int firstRecord = RecordSizes.estimateBatchSizeUpperBound(first.keySize(), first.valueSize(),
                RecordSizes.sizeOfHeaders(first.headers()));
        // A ratio of 1 (no compression benefit assumed): the estimate was off, that is why we split.
        int size = Math.max(firstRecord, RecordBatchBuilder.bufferSizeFor(limit, 1.0f));
        ByteBuffer buffer = ByteBuffer.allocate(size);
        RecordBatchBuilder builder = new RecordBatchBuilder(buffer, limit, config.compression(), 1.0f);
        ProducerBatch batch = new ProducerBatch(big.topicPartition(), buffer, builder, config.keepHeaders(), big.createdMs());
        batch.markOffPool();
        return batch;
    }
}
