package io.sluice.core.accumulate;

/**
 * Told about each append while the partition's queue is locked, so the partitioner that chose the
 * partition can update its state (uniform sticky switching, KIP-794). Must be quick, must not block.
 */
@FunctionalInterface
public interface AppendObserver {

    /**
     * @param choice        the partitioner's choice token for this record (see {@code PartitionChooser})
     * @param topic         the topic
     * @param appendedBytes bytes the record added to its batch
     * @param batchFull     whether that batch is now full
     */
    void onAppend(long choice, String topic, int appendedBytes, boolean batchFull);

    /**
     * Whether the partitioner has moved on from {@code choice} (uniform sticky switched partitions), so the
     * record should be partitioned again instead of opening a new batch in the old partition (KIP-794:
     * no fractional batch at each switch). Called under the partition's lock.
     */
    default boolean isStale(long choice, String topic) {
        return false;
    }

    AppendObserver NONE = (choice, topic, bytes, full) -> { };
}
