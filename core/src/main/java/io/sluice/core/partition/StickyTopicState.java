package io.sluice.core.partition;

import io.sluice.api.spi.TopicLayout;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One topic's sticky partition and the bytes produced to it since it was chosen (KIP-794).
 *
 * <p>Thread-safety: lock-free, shared by every user thread that sends keyless records to the topic.
 * {@link #partition} runs on those threads without locks; {@link #onAppend} runs under the lock of
 * the appended partition's batch queue, so calls for one partition never overlap, but calls for a
 * stale partition may overlap with the switch.
 *
 * <p>A switch happens in {@link #onAppend} (which has no {@link TopicLayout}), so it only clears the
 * current choice; the next {@link #partition} call picks the new partition with the layout it is given.
 * The interleaving this guards against: threads A and B both read sticky partition 3; A's append
 * fills 3's batch and clears the choice; B's record still lands in 3 and B's {@code onAppend(3)}
 * arrives after the switch. B's bytes are not counted against the new choice, because they did not go
 * to it: {@code onAppend} only counts bytes for the partition that is current. (Kafka's accumulator
 * instead re-checks the choice under the queue lock and re-routes B; {@link #isCurrent} offers the same
 * check to an accumulator that wants to.)
 *
 * <p>Public only as an opaque handle: a sending thread gets it once per record from
 * {@link BuiltInStickyPartitioner#topicState} and passes it to {@link PartitionChooser}, which saves
 * looking the topic up again at each step. The state never depends on metadata (the layout is given
 * to each {@link #partition} call), and {@link BuiltInStickyPartitioner} never drops it, so a handle
 * stays the topic's one state for the producer's life.
 */
public final class StickyTopicState {

    /** The current sticky partition; {@code null} after a switch, until the next {@link #partition} picks one. */
    private final AtomicReference<StickyPartition> current = new AtomicReference<>();

    private final int stickyBatchSize;
    private final long forcedSwitchBytes;
    private final StickyPartitionPicker picker;

    StickyTopicState(int stickyBatchSize, StickyPartitionPicker picker) {
        this.stickyBatchSize = stickyBatchSize;
        this.forcedSwitchBytes = 2L * stickyBatchSize;
        this.picker = picker;
    }

    /** The sticky partition, picking one (with {@code layout}) if there is none yet or the last one was used up. */
    int partition(TopicLayout layout) {
        int partitionCount = layout.partitionCount();
        StickyPartition sticky = current.get();
        while (sticky == null || sticky.partition >= partitionCount) {
            // First use, after a switch, or the partition vanished from the layout: pick one. Several threads
            // may pick at once; the first to install its pick wins and the others take that one.
            StickyPartition fresh = new StickyPartition(picker.next(layout));
            if (current.compareAndSet(sticky, fresh)) {
                return fresh.partition;
            }
            sticky = current.get();
        }
        return sticky.partition;
    }

    /**
     * Counts {@code appendedBytes} against the sticky partition and switches once enough was produced:
     * at {@code batch.size} bytes if the partition's last batch is full, at twice that regardless.
     */
    void onAppend(int partition, int appendedBytes, boolean batchFull) {
        StickyPartition sticky = current.get();
        if (sticky == null || sticky.partition != partition) {
            return; // a record that raced a switch (see the class comment)
        }
        long produced = sticky.producedBytes.addAndGet(appendedBytes);
        // One threshold test rather than `(produced >= stickyBatchSize && batchFull) || produced >= forcedSwitchBytes`
        // (the same, as forcedSwitchBytes >= stickyBatchSize): the forced switch is rare and may first happen
        // late in a run, and C2 compiles a branch never yet taken as a trap that recompiles the append path.
        long switchAt = batchFull ? stickyBatchSize : forcedSwitchBytes;
        if (produced >= switchAt) {
            current.compareAndSet(sticky, null);
        }
    }

    /** Whether {@code partition} is still the sticky choice (false after a switch, until the next pick). */
    boolean isCurrent(int partition) {
        StickyPartition sticky = current.get();
        return sticky != null && sticky.partition == partition;
    }

    /** The chosen partition and the bytes appended to it since. Allocated once per switch. */
    private static final class StickyPartition {
        final int partition;
        final AtomicLong producedBytes = new AtomicLong();

        StickyPartition(int partition) {
            this.partition = partition;
        }
    }
}
