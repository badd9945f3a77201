package io.sluice.core.accumulate;

import io.sluice.core.record.BatchCompression;
import io.sluice.core.time.ExponentialBackoff;

/**
 * The settings the accumulator works with, taken from the producer's configuration.
 *
 * @param batchSize             {@code batch.size}
 * @param lingerMs              {@code linger.ms}
 * @param deliveryTimeoutMs     {@code delivery.timeout.ms} (already checked against linger + request timeout)
 * @param retryBackoff          {@code retry.backoff.ms} .. {@code retry.backoff.max.ms} with jitter
 * @param compression           the codec and level of every batch
 * @param incrementalAllocation {@code buffer.memory.allocation.strategy=incremental}: batches start small and grow
 * @param keepHeaders           keep each record's headers until completion (interceptors need them)
 * @param guaranteeOrder        {@code max.in.flight.requests.per.connection=1}: one batch per partition in flight
 */
public record AccumulatorConfig(int batchSize, long lingerMs, long deliveryTimeoutMs, ExponentialBackoff retryBackoff,
                                BatchCompression compression, boolean incrementalAllocation, boolean keepHeaders,
                                boolean guaranteeOrder) {
}
