package io.sluice.core.send;

import io.sluice.api.errors.ApiException;
import io.sluice.api.errors.RetriableException;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.accumulate.ProducerBatch.CompletionListener;
import io.sluice.core.accumulate.ProducerBatch.FinalState;
import io.sluice.core.accumulate.RecordAccumulator;

/**
 * Ends a batch's attempt: acknowledge it, put it back for a retry, or fail it for good. The one
 * place where the retry rule lives (Kafka's {@code canRetry}): a retriable error, attempts left under
 * {@code retries}, and {@code delivery.timeout.ms} not spent. Sender thread only.
 *
 * <p>Completing a batch does not free its memory: a batch that expires while its request is still
 * being written must keep its bytes until the transport is done with them. {@link #release} is
 * called where that is known: when the request's outcome arrives, or for batches never sent.
 */
final class BatchCompletion {

    private final RecordAccumulator accumulator;
    private final InFlightBatches inFlight;
    private final SenderMetrics metrics;
    private final CompletionListener listener;
    private final DeliveryGuarantee delivery;
    private final SenderConfig config;

    BatchCompletion(RecordAccumulator accumulator, InFlightBatches inFlight, SenderMetrics metrics,
                    CompletionListener listener, DeliveryGuarantee delivery, SenderConfig config) {
        this.accumulator = accumulator;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.listener = listener;
        this.delivery = delivery;
        this.config = config;
    }

    void succeed(ProducerBatch batch, long baseOffset, long logAppendTimeMs) {
        inFlight.remove(batch);
        if (batch.complete(FinalState.SUCCEEDED, baseOffset, logAppendTimeMs, null, listener)) {
            delivery.onSuccess(batch, baseOffset);
        }
    }

    void fail(ProducerBatch batch, RuntimeException error, long nowMs) {
        inFlight.remove(batch);
        if (batch.complete(FinalState.FAILED, -1, -1, error, listener)) {
            metrics.failed(batch, nowMs);
            delivery.onFailed(batch, error);
        }
    }

    /**
     * Fails a batch that no request holds (never sent, or its request could not be sent) and frees its
     * memory at once. A batch whose request is on the wire is only {@link #fail}ed: its bytes are
     * released when the request finishes.
     */
    void failAndRelease(ProducerBatch batch, RuntimeException error, long nowMs) {
        fail(batch, error, nowMs);
        release(batch);
    }

    CompletionListener listener() {
        return listener;
    }

    /** Frees a completed batch's memory; its bytes must no longer be referenced by any request. */
    void release(ProducerBatch batch) {
        if (batch.isDone()) {
            accumulator.release(batch);
        }
    }

    /** Whether {@code error} may be retried for {@code batch} now, under Kafka's rule. */
    boolean canRetry(ProducerBatch batch, ApiException error, long nowMs) {
        return error instanceof RetriableException && attemptsLeft(batch, nowMs);
    }

    /** Attempts left under {@code retries} and {@code delivery.timeout.ms}, and the batch still open. */
    boolean attemptsLeft(ProducerBatch batch, long nowMs) {
        return !batch.isDone()
                && batch.attempts() <= config.retries()
                && nowMs - batch.createdMs() < config.deliveryTimeoutMs();
    }

    /** The batch leaves flight; its records go on in smaller batches. */
    void split(ProducerBatch batch, BatchSplitter splitter, long nowMs) {
        inFlight.remove(batch);
        metrics.split(batch, nowMs);
        splitter.splitAndReenqueue(batch, nowMs);
    }

    void retry(ProducerBatch batch, long nowMs) {
        inFlight.remove(batch);
        metrics.retried(batch, nowMs);
        accumulator.reenqueue(batch, nowMs);
    }
}
