package io.sluice.core.idempotence;

import io.sluice.api.TopicPartition;
import io.sluice.api.errors.ClusterAuthorizationException;
import io.sluice.api.errors.OutOfOrderSequenceException;
import io.sluice.api.errors.ProducerFencedException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.errors.TransactionalIdAuthorizationException;
import io.sluice.api.errors.UnknownProducerIdException;
import io.sluice.api.errors.UnsupportedVersionException;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.network.KafkaClient;
import io.sluice.core.protocol.Errors;
import io.sluice.core.record.CompressionScratch;
import io.sluice.core.send.DeliveryGuarantee;
import io.sluice.core.time.ExponentialBackoff;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent producer ({@code enable.idempotence=true}), with the rules of Kafka's
 * {@code TransactionManager} for a producer without a transactional id: a producer id from
 * InitProducerId, per-partition sequences assigned when a batch is first drained and kept across
 * retries, retries of a partition sent in sequence order, and recovery from sequence gaps by bumping
 * the epoch locally (KIP-360) and numbering the partition's pending batches from 0 again.
 *
 * <p>Errors that cannot be retried past (no IdempotentWrite permission, a fenced producer, a broker
 * too old) put the producer in a fatal state: every later send fails with that error.
 *
 * <p>Sender thread only, except {@link #fatalError()}, which user threads read.
 */
public final class IdempotentDelivery implements DeliveryGuarantee {

    private static final Logger log = LoggerFactory.getLogger(IdempotentDelivery.class);

    private final ProducerIdRequester requester;
    private final Map<TopicPartition, PartitionSequences> partitions = new HashMap<>();
    /** Partitions whose last sent batch was never acknowledged: their next sequence, to check once all is answered. */
    private final Map<TopicPartition, Integer> unresolved = new HashMap<>();
    private final Set<TopicPartition> partitionsToRewrite = new HashSet<>();
    private ProducerIdAndEpoch current = ProducerIdAndEpoch.NONE;
    private boolean epochBumpRequired;
    private volatile RuntimeException fatal;

    public IdempotentDelivery(int requestTimeoutMs, ExponentialBackoff retryBackoff) {
        this.requester = new ProducerIdRequester(requestTimeoutMs, retryBackoff, this::granted, this::fatal);
    }

    @Override
    public boolean prepare(KafkaClient client, long nowMs) {
        if (fatal != null) {
            return false;
        }
        resolveSequences();
        if (epochBumpRequired) {
            bumpEpoch();
        }
        if (!current.isValid()) {
            requester.maybeSend(client, nowMs);
            return false;
        }
        return true;
    }

    @Override
    public RuntimeException fatalError() {
        return fatal;
    }

    // ---- stamping and draining ----

    /**
     * Closes a new batch with the partition's next sequences, or writes a pending re-stamp into a retried
     * one. If closing a new batch throws, its sequences are handed back, so the batch (failed by the
     * drain) leaves no gap. If a retried batch's re-stamp throws, it keeps its sequence and is tracked:
     * failing it takes the usual path of a batch that failed for good after it was sent ({@link #onFailed}
     * bumps the epoch and renumbers the partition's other batches).
     */
    @Override
    public void stamp(ProducerBatch batch, CompressionScratch scratch) {
        if (batch.isClosed()) {
            batch.applyProducerState(); // a retry: write a pending re-stamp (epoch bump) now that no request holds it
            return;
        }
        PartitionSequences p = sequences(batch.topicPartition());
        if (!p.producerIdAndEpoch().equals(current) && !p.hasInFlight()) {
            p.startAtBeginning(current); // earlier batches of the old epoch are all answered: start from 0
        }
        int base = p.assign(batch, batch.recordCount());
        try {
            batch.close(scratch, current.producerId(), current.epoch(), base);
        } catch (RuntimeException | LinkageError e) {
            // The batch fails unsent (RecordAccumulator.drain): take its sequences back, or the partition's
            // next batch would leave a gap the broker refuses with OUT_OF_ORDER_SEQUENCE_NUMBER.
            p.unassign(base);
            throw e;
        }
        p.track(batch);
    }

    /** Kafka's {@code shouldStopDrainBatchesForPartition}, inverted. */
    @Override
    public boolean mayDrain(ProducerBatch first) {
        if (!current.isValid() || fatal != null) {
            return false;
        }
        PartitionSequences p = partitions.get(first.topicPartition());
        if (p == null) {
            return true;
        }
        if (first.baseSequence() < 0) {
            // a new batch must not overtake batches of an older epoch (it would start at 0 before they finish)
            if (p.hasInFlight() && !p.producerIdAndEpoch().equals(current)) {
                return false;
            }
            if (unresolved.containsKey(first.topicPartition())) {
                return false;
            }
        }
        int firstInFlight = p.firstInFlightSequence();
        // a retried batch goes out only when it is the oldest unanswered one: retries of a partition are serial
        return firstInFlight < 0 || first.baseSequence() < 0 || first.baseSequence() == firstInFlight;
    }

    // ---- answers ----

    @Override
    public void onSuccess(ProducerBatch batch, long baseOffset) {
        PartitionSequences p = partitions.get(batch.topicPartition());
        if (p != null && batch.baseSequence() >= 0) {
            p.acknowledged(batch, baseOffset);
        }
    }

    /** Kafka's {@code TransactionManager.canRetry} for the errors idempotence owns. */
    @Override
    public Verdict onError(ProducerBatch batch, Errors error, long logStartOffset) {
        TopicPartition tp = batch.topicPartition();
        PartitionSequences p = partitions.get(tp);
        switch (error) {
            case DUPLICATE_SEQUENCE_NUMBER:
                // the broker has this batch already but no longer its offset: success without one (as Kafka)
                return Verdict.SUCCEED;
            case UNKNOWN_PRODUCER_ID:
                if (logStartOffset == -1 || batch.sequenceHasBeenReset()) {
                    return Verdict.RETRY;
                }
                requestEpochBump(tp); // the broker lost our state (retention): continue under a new epoch
                return Verdict.RETRY;
            case OUT_OF_ORDER_SEQUENCE_NUMBER:
                if (!unresolved.containsKey(tp) && (batch.sequenceHasBeenReset() || p == null || !p.isNext(batch.baseSequence()))) {
                    return Verdict.RETRY; // an earlier batch is still on its way: this one will fit after it
                }
                if (!unresolved.containsKey(tp) || unresolved.get(tp) == batch.baseSequence()) {
                    requestEpochBump(tp); // a real gap
                }
                return Verdict.RETRY;
            default:
                return Verdict.DEFAULT;
        }
    }

    /** Kafka's {@code handleFailedBatch} for an idempotent producer. */
    @Override
    public void onFailed(ProducerBatch batch, RuntimeException error) {
        if (error instanceof ClusterAuthorizationException || error instanceof TransactionalIdAuthorizationException
                || error instanceof ProducerFencedException || error instanceof UnsupportedVersionException) {
            fatal(error);
        }
        TopicPartition tp = batch.topicPartition();
        PartitionSequences p = partitions.get(tp);
        if (p == null || batch.baseSequence() < 0) {
            return; // never sent: no sequence was used
        }
        p.untrack(batch);
        if (fatal != null) {
            return;
        }
        if (error instanceof OutOfOrderSequenceException) {
            requestEpochBump(tp);
        } else if (error instanceof UnknownProducerIdException) {
            partitions.remove(tp); // the broker has no state for us: start this partition from 0
            unresolved.remove(tp);
        } else if (error instanceof TimeoutException) {
            // expired: the broker may or may not have it; decide once the partition's other batches are answered
            int next = batch.lastSequence() + 1;
            unresolved.merge(tp, next, Math::max);
        } else {
            requestEpochBump(tp); // the batch's sequences leave a gap
        }
    }

    // ---- epochs ----

    private void requestEpochBump(TopicPartition tp) {
        epochBumpRequired = true;
        partitionsToRewrite.add(tp);
    }

    private void bumpEpoch() {
        if (current.epoch() == Short.MAX_VALUE) {
            log.info("Producer epoch exhausted for producer id {}; asking for a new producer id", current.producerId());
            current = ProducerIdAndEpoch.NONE;
            partitions.clear();
            unresolved.clear();
        } else {
            current = current.bumped();
            log.info("Bumped the producer epoch to {} to recover sequences of {}", current, partitionsToRewrite);
            for (TopicPartition tp : partitionsToRewrite) {
                PartitionSequences p = partitions.get(tp);
                if (p != null) {
                    p.startAtBeginning(current);
                }
                unresolved.remove(tp);
            }
        }
        partitionsToRewrite.clear();
        epochBumpRequired = false;
    }

    /** Kafka's {@code maybeResolveSequences}: once a partition with an expired batch has nothing in flight. */
    private void resolveSequences() {
        for (Iterator<Map.Entry<TopicPartition, Integer>> it = unresolved.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TopicPartition, Integer> e = it.next();
            PartitionSequences p = partitions.get(e.getKey());
            if (p == null) {
                it.remove();
            } else if (!p.hasInFlight()) {
                if (!p.isNext(p.nextSequence())) {
                    requestEpochBump(e.getKey()); // the expired batch may have been written: start a new epoch
                }
                it.remove();
            }
        }
    }

    private void granted(ProducerIdAndEpoch granted) {
        current = granted;
        partitions.clear(); // a new producer id: every partition starts at 0
        unresolved.clear();
    }

    private void fatal(RuntimeException error) {
        if (fatal == null) {
            log.error("The idempotent producer cannot continue: {}", error.getMessage());
            fatal = error;
        }
    }

    private PartitionSequences sequences(TopicPartition tp) {
        return partitions.computeIfAbsent(tp, t -> new PartitionSequences(t, current));
    }

    /** The producer id and epoch in use (for tests and metrics). */
    public ProducerIdAndEpoch producerIdAndEpoch() {
        return current;
    }
}
