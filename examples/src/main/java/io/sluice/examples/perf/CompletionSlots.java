package io.sluice.examples.perf;

import io.sluice.api.DeliveryListener;
import io.sluice.api.TopicPartition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Reusable completion listeners, so that measuring latency allocates nothing per record: a ring of slots, each a
 * {@link DeliveryListener} holding one in-flight record's send time and size, given to
 * {@code send(record, tag, listener)} with the record's index as the tag (that send returns no future and makes
 * no {@code RecordMetadata}, so the producer allocates nothing per record either). Record {@code i} uses slot
 * {@code i % capacity}; the capacity is above what {@code buffer.memory} can hold in flight at 100-byte
 * records, so a slot is normally free again a lap later (see {@link #acquire}). Kafka's tool allocates a
 * callback object per record instead.
 *
 * <p>Threads: the sending thread {@link #acquire}s a slot, fills it, and publishes it by setting its volatile
 * {@code pending} flag before {@code send}; the completion (on the sender thread, or on the sending thread
 * when {@code send} itself fails) records into {@link PerfRecorder} and clears the flag, which the sending
 * thread reads before reusing the slot. So each slot has one writer at a time, handed over through the flag.
 */
final class CompletionSlots {

    private final Slot[] slots;
    private final int mask;
    private final PerfRecorder recorder;
    /** Slots replaced while their record was still in flight (sending thread only). */
    private final List<Slot> overflow = new ArrayList<>();

    /** @param capacity rounded up to a power of two */
    CompletionSlots(int capacity, PerfRecorder recorder) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        slots = new Slot[size];
        mask = size - 1;
        this.recorder = recorder;
        for (int i = 0; i < size; i++) {
            slots[i] = new Slot(recorder);
        }
    }

    /**
     * The slot for record {@code index}. If that slot's record from one lap ago is still in flight, the slot is
     * left to it (kept in {@code overflow}) and a new one takes its place: a slow or lost record never stalls
     * the run, and the ring stays allocation-free as long as fewer than {@link #capacity()} records are in flight.
     */
    Slot acquire(long index) {
        int i = (int) (index & mask);
        Slot slot = slots[i];
        if (slot.pending) {
            overflow.add(slot);
            slot = new Slot(recorder);
            slots[i] = slot;
        }
        return slot;
    }

    /**
     * Waits until every slot's record has completed, but at most {@code graceNanos}: it is called after
     * {@code close()} or {@code flush()} returned, when every callback should already have run.
     *
     * @return how many records are still pending (lost by the producer if not 0)
     */
    int awaitAllCompleted(long graceNanos) {
        long deadline = System.nanoTime() + graceNanos;
        int lost = 0;
        List<Slot> all = new ArrayList<>(overflow);
        all.addAll(Arrays.asList(slots));
        for (Slot slot : all) {
            while (slot.pending && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(1_000_000);
            }
            if (slot.pending) {
                lost++;
            }
        }
        return lost;
    }

    int capacity() {
        return slots.length;
    }

    /** One in-flight record: written by the sending thread while idle, completed exactly once. */
    static final class Slot implements DeliveryListener {
        private final PerfRecorder recorder;
        private long index;
        private long startNanos;
        private int bytes;
        private boolean steadyState;
        private volatile boolean pending;

        private Slot(PerfRecorder recorder) {
            this.recorder = recorder;
        }

        /** Fills and publishes the slot just before record {@code recordIndex} is sent. */
        void start(long recordIndex, long nowNanos, int recordBytes, boolean inSteadyState) {
            index = recordIndex;
            startNanos = nowNanos;
            bytes = recordBytes;
            steadyState = inSteadyState;
            pending = true;
        }

        boolean isPending() {
            return pending;
        }

        /** Completes the slot for a {@code send} that threw without calling back. */
        void failIfPending(Exception e) {
            if (pending) {
                complete(index, null, -1, e);
            }
        }

        @Override
        public void onAcknowledged(long tag, TopicPartition partition, long offset, long timestamp) {
            complete(tag, partition, offset, null);
        }

        @Override
        public void onFailed(long tag, TopicPartition partition, Exception exception) {
            complete(tag, partition, -1, exception);
        }

        private void complete(long tag, TopicPartition partition, long offset, Exception exception) {
            long now = System.nanoTime();
            if (!pending || tag != index) {
                // every record must complete exactly once: a second completion is a producer bug worth showing
                recorder.completedTwice("record " + tag + (partition == null ? "" : " to " + partition + " at offset "
                        + offset), exception);
                return;
            }
            if (exception == null) {
                recorder.succeeded(now - startNanos, bytes, steadyState, now);
            } else {
                recorder.failed(exception);
            }
            pending = false;
        }
    }
}
