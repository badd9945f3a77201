package io.sluice.core.send;

import io.sluice.core.accumulate.ProducerBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Batches sent and not yet answered, oldest first, so the ones that outlive
 * {@code delivery.timeout.ms} in flight can be failed without waiting for their request to time out
 * (Kafka's {@code getExpiredInflightBatches}). Sender thread only.
 */
final class InFlightBatches {

    private final Set<ProducerBatch> batches = new LinkedHashSet<>();

    void add(List<ProducerBatch> sent) {
        batches.addAll(sent);
    }

    void remove(ProducerBatch batch) {
        batches.remove(batch);
    }

    /** Removes and returns the batches created {@code deliveryTimeoutMs} or more ago. */
    List<ProducerBatch> expired(long deliveryTimeoutMs, long nowMs) {
        List<ProducerBatch> expired = new ArrayList<>();
        for (Iterator<ProducerBatch> it = batches.iterator(); it.hasNext(); ) {
            ProducerBatch b = it.next();
            if (nowMs - b.createdMs() >= deliveryTimeoutMs) {
                expired.add(b);
                it.remove();
            }
        }
        return expired;
    }

    /** The earliest time (ms) at which an in-flight batch expires, or Long.MAX_VALUE. */
    long nextExpiryMs(long deliveryTimeoutMs) {
        long next = Long.MAX_VALUE;
        for (ProducerBatch b : batches) {
            next = Math.min(next, b.createdMs() + deliveryTimeoutMs);
        }
        return next;
    }

    List<ProducerBatch> all() {
        return new ArrayList<>(batches);
    }

    boolean isEmpty() {
        return batches.isEmpty();
    }
}
