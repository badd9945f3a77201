package io.sluice.core.send;

import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.metrics.Sensor;

/**
 * Why batches left the buffer, so the producer can explain its batching (Sluice's own metrics; Kafka
 * has none): {@code batch-full-total} — it reached {@code batch.size} (or refused a record);
 * {@code batch-linger-total} — {@code linger.ms} ran out first; {@code batch-early-total} — sent
 * before either, by a flush or close, memory pressure, or riding along in a request that went to its
 * broker anyway; and {@code batch-fill-ratio-avg}, a batch's bytes over {@code batch.size}.
 * Sender thread (sensors are thread-safe).
 */
final class BatchCloseStats {

    private final int batchSize;
    private final long lingerMs;
    private final Sensor full;
    private final Sensor lingered;
    private final Sensor early;
    private final Sensor fillRatio;

    BatchCloseStats(ProducerMetrics metrics, int batchSize, long lingerMs) {
        this.batchSize = batchSize;
        this.lingerMs = lingerMs;
        full = total(metrics, "batch-full", "Batches sent because they reached batch.size (or refused a record).");
        lingered = total(metrics, "batch-linger", "Batches sent because linger.ms passed before they were full.");
        early = total(metrics, "batch-early", "Batches sent before they were full or lingered: flush or close, "
                + "memory pressure, or riding along in a request to the same broker.");
        fillRatio = metrics.sensor("batch-fill-ratio");
        metrics.addAvg(fillRatio, metrics.producerMetric("batch-fill-ratio-avg",
                "The average size of sent batches as a fraction of batch.size."));
    }

    void record(ProducerBatch batch, long nowMs) {
        if (batch.attempts() > 1) {
            return; // a retry: counted when it first left
        }
        if (batch.wasFullWhenDrained()) {
            full.record(1, nowMs);
        } else if (batch.drainedMs() - batch.createdMs() >= lingerMs) {
            lingered.record(1, nowMs);
        } else {
            early.record(1, nowMs);
        }
        if (batchSize > 0) {
            fillRatio.record(Math.min(1.0, batch.estimatedSizeInBytes() / (double) batchSize), nowMs);
        }
    }

    private static Sensor total(ProducerMetrics metrics, String base, String doc) {
        Sensor s = metrics.sensor(base);
        metrics.addTotal(s, metrics.producerMetric(base + "-total", doc));
        return s;
    }
}
