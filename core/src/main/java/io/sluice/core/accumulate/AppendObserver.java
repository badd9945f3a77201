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

    AppendObserver NONE = (choice, topic, bytes, full) -> { };
}
