package io.sluice.core.send;

import io.sluice.core.accumulate.ProducerBatch;

/**
 * Splits a batch the broker refused as too large (MESSAGE_TOO_LARGE) into smaller batches that
 * keep its records' order, futures and callbacks, and queues them at the front of the partition.
 * Sender thread only.
 */
@FunctionalInterface
public interface BatchSplitter {

    void splitAndReenqueue(ProducerBatch batch, long nowMs);
}
