package io.sluice.core.send;

import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.network.KafkaClient;
import io.sluice.core.protocol.Errors;

/**
 * The seam for what idempotence changes in sending: how batches are stamped (producer id, epoch,
 * sequence), whether the producer may send yet (it needs a producer id first), and how sequence
 * errors are judged. {@link PlainDelivery} is the at-least-once producer; the idempotent one plugs
 * in here, not as branches through the send loop. Sender thread only.
 */
public interface DeliveryGuarantee extends RecordAccumulator.BatchStamper {

    /**
     * Lets the guarantee do its own requests (e.g. {@code InitProducerId}) and says whether batches
     * may be drained now.
     *
     * @return true if batches may be sent
     */
    boolean prepare(KafkaClient client, long nowMs);

    /** A batch was acknowledged. */
    void onSuccess(ProducerBatch batch, long baseOffset);

    /**
     * What to do with a batch the broker refused with {@code error}, before the general rules
     * (retriable and attempts left, else fail) apply.
     *
     * @return {@link Verdict#DEFAULT} to apply the general rules
     */
    Verdict onError(ProducerBatch batch, Errors error, long logStartOffset);

    /** A batch failed for good (after this, its partition's sequence may need a reset). */
    void onFailed(ProducerBatch batch, RuntimeException error);

    /**
     * An error the producer cannot get past (e.g. no permission for idempotent writes): from now on
     * every send fails with it. {@code null} while none. Any thread.
     */
    default RuntimeException fatalError() {
        return null;
    }

    /** A guarantee's decision about a refused batch. */
    enum Verdict {
        /** Apply the general rules. */
        DEFAULT,
        /** Treat as success without an offset (e.g. DUPLICATE_SEQUENCE_NUMBER). */
        SUCCEED,
        /** Retry, whatever the general rules say (within the delivery timeout). */
        RETRY,
        /** Fail the batch. */
        FAIL
    }
}
