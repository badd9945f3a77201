package io.sluice.core.accumulate;

import io.sluice.api.Callback;
import io.sluice.api.DeliveryListener;
import io.sluice.api.Headers;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.core.record.CompressionScratch;
import io.sluice.core.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One batch of records for one partition: its bytes (a {@link RecordBatchBuilder} over a buffer of
 * the {@link BufferPool}), what to tell each record's sender when it completes, and where it is in
 * its delivery.
 *
 * <p>Threads: created and appended to by user threads while its partition's deque lock is held;
 * after it leaves the deque (drain), only the sender thread touches it. The lock hand-over makes
 * the user threads' writes visible to the sender. Its final state is set exactly once, by
 * compare-and-set ({@link #complete}), so a batch expired by {@code delivery.timeout.ms} and
 * answered by the broker at the same moment completes once.
 */
public final class ProducerBatch {

    /** How a batch ended. */
    public enum FinalState { SUCCEEDED, FAILED, ABORTED }

    private static final int OPEN = 0;
    private static final int SEALING = 1;
    private static final int SEALED = 2;

    private final TopicPartition topicPartition;
    private final long createdMs;
    /** Null once released: the arrays went back to the pool (a late use fails loudly, never reads another batch's data). */
    private RecordCompletions records;
    private int recordCountAtRelease;
    private final AtomicReference<FinalState> finalState = new AtomicReference<>();
    /**
     * Who compresses the batch: the first thread to move it OPEN -> SEALING. A user thread that found
     * it full (after it stopped being the last batch), or the sender draining it. The CAS also hands
     * the builder's state from the thread that appended to the one that seals. Its monitor is what
     * the sender waits on when it closes a batch a user thread is still sealing.
     */
    private final AtomicInteger seal = new AtomicInteger(OPEN);
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    // ---- appended under the deque lock; then sender-thread only ----
    private ByteBuffer buffer;
    private RecordBatchBuilder builder;
    private boolean closedForAppends;

    // ---- sender thread only ----
    private int attempts;
    private long lastAttemptMs;
    private long drainedMs = -1;
    private boolean fullWhenDrained;
    private boolean retry;
    private long retryBackoffMs;
    private ByteBuffer finished;
    private long producerId = -1;
    private short producerEpoch = -1;
    private int baseSequence = -1;
    private boolean sequenceReset;
    private boolean stampStale;

    /**
     * @param buffer      the pool buffer the builder writes into (returned to the pool on release)
     * @param records     where the records' futures and callbacks go (empty; from the accumulator's pool)
     * @param createdMs   monotonic creation time: {@code linger.ms} and {@code delivery.timeout.ms} count from it
     */
    ProducerBatch(TopicPartition topicPartition, ByteBuffer buffer, RecordBatchBuilder builder, RecordCompletions records,
                  long createdMs) {
        this.topicPartition = topicPartition;
        this.buffer = buffer;
        this.builder = builder;
        this.records = records;
        this.createdMs = createdMs;
        this.lastAttemptMs = createdMs;
    }

    // ---- appending (user threads, deque lock held) ----

    /**
     * Appends a record if it fits, with either its {@code future} and {@code callback} or, for a send
     * without a future, its {@code delivery} listener and {@code tag}.
     *
     * @return the record's offset delta, or {@link RecordBatchBuilder#NO_ROOM}
     */
    int tryAppend(long timestamp, byte[] key, byte[] value, Headers headers, CompletableFuture<RecordMetadata> future,
                  Callback callback, DeliveryListener delivery, long tag) {
        int delta = builder.tryAppend(timestamp, key, value, headers);
        if (delta != RecordBatchBuilder.NO_ROOM) {
            records.add(future, callback, delivery, tag, timestamp, key == null ? RecordMetadata.NULL_SIZE : key.length,
                    value == null ? RecordMetadata.NULL_SIZE : value.length, headers);
        }
        return delta;
    }

    /**
     * The buffer capacity a record of these sizes needs if the batch must grow for it, 0 if it fits,
     * -1 if the batch is full by {@code batch.size} (see {@link RecordBatchBuilder#capacityNeededFor}).
     */
    int capacityNeededFor(long timestamp, byte[] key, byte[] value, Headers headers) {
        return builder.capacityNeededFor(timestamp, key == null ? -1 : key.length, value == null ? -1 : value.length,
                io.sluice.core.record.RecordSizes.sizeOfHeaders(headers));
    }

    /** Moves the open batch into {@code larger}; returns the old buffer for the pool. */
    ByteBuffer growInto(ByteBuffer larger) {
        builder.moveTo(larger);
        ByteBuffer old = buffer;
        buffer = larger;
        return old;
    }

    int bufferCapacity() {
        return buffer.capacity();
    }

    /** Whether no more records will be accepted (full, refused a record, or sealed). */
    public boolean isFull() {
        return closedForAppends || builder.isFull();
    }

    /** Marks the batch full after it refused a record (Kafka's {@code closeForRecordAppends}). Queue lock held. */
    void closeForAppends() {
        closedForAppends = true;
    }

    /** The batch's size estimate while open, its exact size once sealed. */
    public int estimatedSizeInBytes() {
        return builder.estimatedSizeInBytes();
    }

    // ---- draining and sending (sender thread) ----

    /**
     * Seals and closes the batch for its first send, with the producer state (idempotence) or
     * {@code -1}s. Later attempts send the same bytes. If a user thread is compressing the batch at
     * this moment, waits for it to finish.
     */
    public void close(CompressionScratch scratch, long producerId, short producerEpoch, int baseSequence) {
        if (!trySeal(scratch)) {
            awaitSealedByOtherThread();
        }
        ByteBuffer closed = builder.close(scratch, producerId, producerEpoch, baseSequence, false);
        // only now: a close that throws leaves the batch without a sequence, so failing it frees none
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        this.finished = closed;
    }

    /**
     * Compresses the batch if no other thread has started to: for a batch that no longer takes
     * appends (full and no longer last in its queue, or drained). Must be called without any lock.
     *
     * @return true if this thread sealed it (or it was sealed already); false if another thread is sealing it now
     */
    boolean trySeal(CompressionScratch scratch) {
        if (seal.compareAndSet(OPEN, SEALING)) {
            try {
                builder.seal(scratch);
            } finally {
                seal.set(SEALED);
                synchronized (seal) {
                    seal.notifyAll(); // a sender that drained the batch meanwhile waits in close()
                }
            }
            return true;
        }
        return seal.get() == SEALED;
    }

    /**
     * Waits until the user thread that started compressing this batch is done. The drain skips a batch
     * that is being sealed, but a user thread may start sealing a full batch just after the drain took
     * it from its queue (it seals outside the queue lock); the compression of one batch is short, and
     * its result is what the sender sends.
     */
    private void awaitSealedByOtherThread() {
        boolean interrupted = false;
        synchronized (seal) {
            while (seal.get() != SEALED) {
                try {
                    seal.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // finish the hand-over; the sender sees the interrupt afterwards
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether another thread is compressing the batch right now (the drain skips it this round). */
    boolean isBeingSealed() {
        return seal.get() == SEALING;
    }

    public boolean isClosed() {
        return finished != null;
    }

    /**
     * Gives a closed batch new producer state (an epoch bump resets sequences, KIP-360). The bytes are
     * rewritten later, by {@link #applyProducerState()} when the batch is drained again: now a request
     * may still be writing them. Sender thread.
     */
    public void restamp(long producerId, short producerEpoch, int baseSequence) {
        if (finished == null) {
            throw new IllegalStateException("Batch for " + topicPartition + " is not closed; stamp it when it is drained");
        }
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        this.sequenceReset = true;
        this.stampStale = true;
    }

    /** Writes a pending re-stamp into the batch bytes (and CRC). Only while no request holds the batch. */
    public void applyProducerState() {
        if (stampStale) {
            io.sluice.core.record.RecordBatchDescriptor.rewriteProducerState(finished, 0, producerId, producerEpoch,
                    baseSequence, false);
            stampStale = false;
        }
    }

    /** Whether an epoch bump gave this batch a new sequence (Kafka's {@code sequenceHasBeenReset}). */
    public boolean sequenceHasBeenReset() {
        return sequenceReset;
    }

    /** The sequence of the batch's last record, or -1 without idempotence. */
    public int lastSequence() {
        return baseSequence < 0 ? -1
                : io.sluice.core.record.RecordBatchDescriptor.incrementSequence(baseSequence, recordCount() - 1);
    }

    /** A fresh view of the finished batch bytes, for a request. */
    public ByteBuffer records() {
        if (finished == null) {
            throw new IllegalStateException("Batch for " + topicPartition + " is not closed yet");
        }
        return finished.duplicate();
    }

    /** Marks one more send attempt; {@code full} says whether it was full when it left its queue. */
    void onDrained(long nowMs, boolean full) {
        drainedMs = nowMs;
        attempts++;
        if (attempts == 1) {
            fullWhenDrained = full;
        }
    }

    /** Whether the batch was full (batch.size reached, or a record refused) when it first left its queue. */
    public boolean wasFullWhenDrained() {
        return fullWhenDrained;
    }

    /** Puts the batch back for a retry, remembering when and how long to back off. */
    void onRetry(long nowMs, long backoffMs) {
        retry = true;
        lastAttemptMs = nowMs;
        retryBackoffMs = backoffMs;
    }

    /** Whether the batch is waiting out its retry backoff at {@code nowMs}. */
    boolean isBackingOff(long nowMs) {
        return retry && nowMs - lastAttemptMs < retryBackoffMs;
    }

    /** When its backoff ends (only meaningful while {@link #isBackingOff}). */
    long backoffEndsMs() {
        return lastAttemptMs + retryBackoffMs;
    }

    // ---- completion (sender thread, or any thread for an abort) ----

    /**
     * Sets the final state once and tells every record: success with {@code baseOffset} (-1 if unknown,
     * e.g. {@code acks=0}) or failure with {@code error}.
     *
     * @return false if the batch had completed already (nothing done): a late answer for a batch that
     *         expired, or an expiry racing an answer
     * @throws IllegalStateException if the batch had already succeeded, naming both states
     */
    public boolean complete(FinalState state, long baseOffset, long logAppendTimeMs, RuntimeException error,
                            CompletionListener listener) {
        if (!finalState.compareAndSet(null, state)) {
            FinalState previous = finalState.get();
            if (previous == FinalState.SUCCEEDED) {
                // a batch the broker acknowledged can never fail afterwards: that would be a bug here
                throw new IllegalStateException("Batch for " + topicPartition + " was already SUCCEEDED and cannot become "
                        + state);
            }
            // e.g. the broker's answer arrives after delivery.timeout.ms failed the batch: the records were told once
            return false;
        }
        for (int i = 0; i < records.count(); i++) {
            DeliveryListener delivery = records.delivery(i);
            if (delivery != null) {
                // no future and no metadata object: the outcome goes out as primitives
                listener.onRecordDelivered(delivery, records.tag(i), topicPartition,
                        error == null ? RecordCompletions.offset(i, baseOffset) : RecordMetadata.UNKNOWN_OFFSET,
                        error == null ? records.timestamp(i, logAppendTimeMs) : records.timestamp(i),
                        records.keySize(i), records.valueSize(i), error, records.headers(i));
                continue;
            }
            RecordMetadata metadata = error == null
                    ? records.metadata(i, topicPartition, baseOffset, logAppendTimeMs)
                    : records.metadata(i, topicPartition, -1, -1);
            listener.onRecordComplete(metadata, error, records.headers(i), records.callback(i));
            CompletableFuture<RecordMetadata> future = records.future(i);
            if (error == null) {
                future.complete(metadata);
            } else {
                future.completeExceptionally(error);
            }
        }
        done.complete(null);
        return true;
    }

    /** Completes when the batch has completed (for {@code flush()}). */
    CompletableFuture<Void> done() {
        return done;
    }

    /**
     * Ends this batch because its records moved to smaller batches (MESSAGE_TOO_LARGE): its records
     * are not told anything here, their new batches complete them.
     */
    void markSplit(java.util.List<ProducerBatch> parts) {
        if (!finalState.compareAndSet(null, FinalState.ABORTED)) {
            throw new IllegalStateException("Batch for " + topicPartition + " was already " + finalState.get()
                    + " and cannot be split");
        }
        // a flush waiting for this batch waits for its records, now in the parts
        CompletableFuture.allOf(parts.stream().map(ProducerBatch::done).toArray(CompletableFuture[]::new))
                .whenComplete((v, e) -> done.complete(null));
    }

    /** Hands the per-record data back for reuse; the batch must be released (no record is told anything later). */
    RecordCompletions detachCompletions() {
        RecordCompletions r = records;
        if (r != null) {
            recordCountAtRelease = r.count();
            records = null;
        }
        return r;
    }

    /** The per-record completion data, for moving records into split batches. */
    RecordCompletions completions() {
        return records;
    }

    /** Takes over record {@code i} of {@code from} after the same record was appended to this batch. */
    void adoptRecord(RecordCompletions from, int i) {
        records.addFrom(from, i);
    }

    /** Appends without completion data (used when splitting: the completion is adopted). */
    int appendRaw(long timestamp, ByteBuffer key, ByteBuffer value, io.sluice.api.Header[] headers) {
        return builder.tryAppend(timestamp, key, value, headers);
    }

    /** Whether the buffer came from outside the pool (split batches) and must not be returned to it. */
    private boolean offPool;

    void markOffPool() {
        offPool = true;
    }

    /** The buffer to return to the pool once the batch has completed and its bytes are no longer needed. */
    ByteBuffer releaseBuffer() {
        ByteBuffer b = offPool ? null : buffer;
        buffer = null;
        builder = null;
        finished = null;
        return b;
    }

    // ---- accessors ----

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public int recordCount() {
        RecordCompletions r = records;
        return r == null ? recordCountAtRelease : r.count();
    }

    public long createdMs() {
        return createdMs;
    }

    public int attempts() {
        return attempts;
    }

    public boolean inRetry() {
        return retry;
    }

    public long lastAttemptMs() {
        return lastAttemptMs;
    }

    public long drainedMs() {
        return drainedMs;
    }

    public int baseSequence() {
        return baseSequence;
    }

    public long producerId() {
        return producerId;
    }

    public short producerEpoch() {
        return producerEpoch;
    }

    public FinalState finalState() {
        return finalState.get();
    }

    public boolean isDone() {
        return finalState.get() != null;
    }

    /** Compressed records bytes / uncompressed; 1.0 until sealed. Valid until released. */
    public float compressionRatio() {
        return builder.compressionRatio();
    }

    /** The codec id actually written (0 if compression did not pay off). Valid until released. */
    public int codecId() {
        return builder.codecId();
    }

    /** The bytes of the batch before compression (for metrics); valid until released. */
    public int uncompressedSizeInBytes() {
        return builder.uncompressedSizeInBytes();
    }

    @Override
    public String toString() {
        return "ProducerBatch(" + topicPartition + ", records=" + recordCount() + ", attempts=" + attempts + ")";
    }

    /** Told about each record as its batch completes, before the record's future. */
    public interface CompletionListener {

        /** Runs interceptors and then the user's callback for one record. Must not throw. */
        void onRecordComplete(RecordMetadata metadata, RuntimeException error, Headers headers, Callback callback);

        /**
         * Runs interceptors (making a {@link RecordMetadata} only for them) and then tells the
         * {@code delivery} listener of a record sent without a future. Must not throw.
         *
         * @param offset    the record's offset, -1 if unknown or failed
         * @param timestamp the record's stored timestamp (its own on failure)
         * @param error     {@code null} on success
         */
        void onRecordDelivered(DeliveryListener delivery, long tag, TopicPartition partition, long offset, long timestamp,
                               int keySize, int valueSize, RuntimeException error, Headers headers);
    }
}
