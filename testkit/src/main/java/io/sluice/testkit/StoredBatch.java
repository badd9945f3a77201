package io.sluice.testkit;

/**
 * One record batch as a broker stored it in a partition's log segment: the proof of how a producer batched and
 * compressed records. Read with {@link KafkaCluster#storedBatches(String, int)}.
 *
 * @param baseOffset          offset of the first record
 * @param lastOffset          offset of the last record
 * @param recordCount         number of records in the batch
 * @param magic               record batch format (2 for every producer since Kafka 0.11)
 * @param compressionCodecId  the codec bits of the batch attributes: 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd
 * @param sizeInBytes         the whole batch on disk, header included
 * @param producerId          -1 unless written by an idempotent or transactional producer
 * @param producerEpoch       -1 unless written by an idempotent or transactional producer
 * @param baseSequence        sequence number of the first record, -1 without idempotence
 * @param transactional       whether the batch belongs to a transaction
 * @param control             whether it is a control batch (transaction marker)
 * @param maxTimestamp        the largest record timestamp in the batch
 */
public record StoredBatch(
        long baseOffset,
        long lastOffset,
        int recordCount,
        byte magic,
        int compressionCodecId,
        int sizeInBytes,
        long producerId,
        short producerEpoch,
        int baseSequence,
        boolean transactional,
        boolean control,
        long maxTimestamp) {

    /** Kafka's name for {@link #compressionCodecId}: {@code none}, {@code gzip}, {@code snappy}, {@code lz4}, {@code zstd}. */
    public String compressionName() {
        switch (compressionCodecId) {
            case 0:
                return "none";
            case 1:
                return "gzip";
            case 2:
                return "snappy";
            case 3:
                return "lz4";
            case 4:
                return "zstd";
            default:
                return "unknown codec " + compressionCodecId;
        }
    }
}
