package io.sluice.core.record;

/**
 * The header fields a producer chooses for one v2 batch, handed to
 * {@link RecordBatchDescriptor#writeHeader}. Base offset (0), partition leader epoch (-1), magic
 * and timestamp type (CreateTime) are fixed for producer batches and not part of it.
 *
 * @param sizeInBytes   the whole batch, header included
 * @param codecId       the codec of the records section (0 = none)
 * @param recordCount   records in the batch, at least 1
 * @param baseTimestamp the first record's timestamp
 * @param maxTimestamp  the largest record timestamp
 * @param producerId    {@link RecordBatchDescriptor#NO_PRODUCER_ID} without idempotence
 * @param producerEpoch {@link RecordBatchDescriptor#NO_PRODUCER_EPOCH} without idempotence
 * @param baseSequence  {@link RecordBatchDescriptor#NO_SEQUENCE} without idempotence
 * @param transactional whether the batch belongs to a transaction
 */
public record BatchHeader(int sizeInBytes, int codecId, int recordCount, long baseTimestamp, long maxTimestamp,
                          long producerId, short producerEpoch, int baseSequence, boolean transactional) {

    public BatchHeader {
        if (sizeInBytes < RecordBatchDescriptor.RECORD_BATCH_OVERHEAD) {
            throw new IllegalArgumentException("A batch is at least " + RecordBatchDescriptor.RECORD_BATCH_OVERHEAD
                    + " bytes (its header), got sizeInBytes=" + sizeInBytes);
        }
        if (recordCount < 1) {
            throw new IllegalArgumentException("A producer batch holds at least one record, got recordCount=" + recordCount);
        }
        RecordBatchDescriptor.checkProducerState(producerId, producerEpoch, baseSequence, transactional);
    }
}
