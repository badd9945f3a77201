package io.sluice.core.idempotence;

import io.sluice.api.TopicPartition;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.record.RecordBatchDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The idempotence bookkeeping of one partition (Kafka's {@code TxnPartitionEntry}): the next
 * sequence to hand out, the last sequence and offset the broker acknowledged, the producer id and
 * epoch the sequences belong to, and the sequenced batches not yet completed, by base sequence.
 * Sender thread only.
 */
final class PartitionSequences {

    static final int NO_LAST_ACKED_SEQUENCE = -1;

    private final TopicPartition topicPartition;
    private ProducerIdAndEpoch producerIdAndEpoch;
    private int nextSequence;
    private int lastAckedSequence = NO_LAST_ACKED_SEQUENCE;
    private long lastAckedOffset = -1;
    private final TreeMap<Integer, ProducerBatch> inFlight = new TreeMap<>();

    PartitionSequences(TopicPartition topicPartition, ProducerIdAndEpoch producerIdAndEpoch) {
        this.topicPartition = topicPartition;
        this.producerIdAndEpoch = producerIdAndEpoch;
    }

    ProducerIdAndEpoch producerIdAndEpoch() {
        return producerIdAndEpoch;
    }

    int nextSequence() {
        return nextSequence;
    }

    /** Hands the next {@code records} sequences to {@code batch} and tracks it. */
    int assign(ProducerBatch batch, int records) {
        int base = nextSequence;
        nextSequence = RecordBatchDescriptor.incrementSequence(nextSequence, records);
        return base;
    }

    /**
     * Takes back the sequences last handed out, from {@code base} on, for a batch that failed before it
     * was sent. Only right after {@link #assign} returned {@code base}, before any other assignment.
     */
    void unassign(int base) {
        nextSequence = base;
    }

    void track(ProducerBatch batch) {
        inFlight.put(batch.baseSequence(), batch);
    }

    void untrack(ProducerBatch batch) {
        inFlight.remove(batch.baseSequence(), batch);
    }

    boolean hasInFlight() {
        return !inFlight.isEmpty();
    }

    /** The lowest base sequence in flight, or -1. */
    int firstInFlightSequence() {
        return inFlight.isEmpty() ? -1 : inFlight.firstKey();
    }

    int lastAckedSequence() {
        return lastAckedSequence;
    }

    long lastAckedOffset() {
        return lastAckedOffset;
    }

    void acknowledged(ProducerBatch batch, long baseOffset) {
        int last = batch.lastSequence();
        if (lastAckedSequence == NO_LAST_ACKED_SEQUENCE || isAfter(last, lastAckedSequence)) {
            lastAckedSequence = last;
        }
        if (baseOffset >= 0) {
            lastAckedOffset = Math.max(lastAckedOffset, baseOffset + batch.recordCount() - 1);
        }
        untrack(batch);
    }

    /** Whether {@code sequence} directly follows the last acknowledged one. */
    boolean isNext(int sequence) {
        return sequence == RecordBatchDescriptor.incrementSequence(lastAckedSequence, 1)
                || (lastAckedSequence == NO_LAST_ACKED_SEQUENCE && sequence == 0);
    }

    /**
     * A new epoch (or producer id): the batches still in flight get sequences from 0 again, in their
     * old order, and are re-stamped (Kafka's {@code startSequencesAtBeginning}).
     */
    void startAtBeginning(ProducerIdAndEpoch next) {
        List<ProducerBatch> batches = new ArrayList<>(inFlight.values());
        batches.sort(Comparator.comparingInt(ProducerBatch::baseSequence));
        inFlight.clear();
        int sequence = 0;
        for (ProducerBatch batch : batches) {
            batch.restamp(next.producerId(), next.epoch(), sequence);
            inFlight.put(sequence, batch);
            sequence = RecordBatchDescriptor.incrementSequence(sequence, batch.recordCount());
        }
        producerIdAndEpoch = next;
        nextSequence = sequence;
        lastAckedSequence = NO_LAST_ACKED_SEQUENCE;
    }

    TopicPartition topicPartition() {
        return topicPartition;
    }

    /** Sequence order with wrap-around: whether {@code a} comes after {@code b}. */
    private static boolean isAfter(int a, int b) {
        return a - b > 0 || (b > Integer.MAX_VALUE / 2 && a < Integer.MAX_VALUE / 2);
    }
}
