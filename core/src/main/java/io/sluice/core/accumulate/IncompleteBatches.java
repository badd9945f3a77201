package io.sluice.core.accumulate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every batch created and not yet completed, so {@code flush()} can wait for exactly the batches that
 * exist when it is called. Thread-safe (synchronized): user threads add, the sender removes.
 */
final class IncompleteBatches {

    private final Set<ProducerBatch> batches = new LinkedHashSet<>();

    synchronized void add(ProducerBatch batch) {
        batches.add(batch);
    }

    synchronized void remove(ProducerBatch batch) {
        batches.remove(batch);
    }

    synchronized List<ProducerBatch> copy() {
        return new ArrayList<>(batches);
    }

    synchronized boolean isEmpty() {
        return batches.isEmpty();
    }
}
