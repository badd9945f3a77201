package io.sluice.core.send;

import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.network.KafkaClient;
import io.sluice.core.protocol.Errors;
import io.sluice.core.record.CompressionScratch;

/**
 * At-least-once delivery ({@code enable.idempotence=false}): batches carry no producer id, any
 * retriable error is retried. Stateless.
 */
public final class PlainDelivery implements DeliveryGuarantee {

    @Override
    public void stamp(ProducerBatch batch, CompressionScratch scratch) {
        if (!batch.isClosed()) {
            batch.close(scratch, -1L, (short) -1, -1);
        }
    }

    @Override
    public boolean prepare(KafkaClient client, long nowMs) {
        return true;
    }

    @Override
    public void onSuccess(ProducerBatch batch, long baseOffset) {
    }

    @Override
    public Verdict onError(ProducerBatch batch, Errors error, long logStartOffset) {
        return Verdict.DEFAULT;
    }

    @Override
    public void onFailed(ProducerBatch batch, RuntimeException error) {
    }
}
