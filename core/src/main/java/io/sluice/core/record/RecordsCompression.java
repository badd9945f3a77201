package io.sluice.core.record;

import static io.sluice.core.record.RecordBatchDescriptor.RECORDS_OFFSET;

import io.sluice.api.errors.SluiceException;
import io.sluice.api.spi.Compressor;
import java.nio.ByteBuffer;

/**
 * Compresses the records section of a batch in place: codec into a {@link CompressionScratch},
 * then the compressed bytes copied back over the plain records. Stateless.
 */
final class RecordsCompression {

    /** Returned when the compressed section would not fit the batch's buffer. */
    static final int DOES_NOT_FIT = -1;

    private RecordsCompression() {
    }

    /**
     * @param batch        the batch at index 0, plain records in {@code [61, 61 + recordsBytes)}
     * @return the compressed size now in {@code [61, 61 + size)}, or {@link #DOES_NOT_FIT} (the
     *         records are then left as they were)
     * @throws SluiceException if the codec fails
     */
    static int compressInPlace(ByteBuffer batch, int recordsBytes, int recordCount, BatchCompression compression,
                               CompressionScratch scratch) {
        Compressor codec = compression.compressor();
        ByteBuffer source = batch.duplicate().limit(RECORDS_OFFSET + recordsBytes).position(RECORDS_OFFSET);
        ByteBuffer target = scratch.clear(codec.maxCompressedLength(recordsBytes));
        int compressed;
        try {
            compressed = codec.compress(source, target, compression.level());
        } catch (RuntimeException e) {
            throw new SluiceException("Compressing a batch of " + recordCount + " records (" + recordsBytes
                    + " bytes) with " + codec.name() + " (id " + codec.id() + ") at level " + compression.level()
                    + " failed: " + e.getMessage(), e);
        }
        if (RECORDS_OFFSET + compressed > batch.limit()) {
            return DOES_NOT_FIT;
        }
        batch.put(RECORDS_OFFSET, target, 0, compressed);
        return compressed;
    }
}
