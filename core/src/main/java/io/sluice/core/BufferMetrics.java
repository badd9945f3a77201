package io.sluice.core;

import io.sluice.core.accumulate.BufferPool;
import io.sluice.core.accumulate.PoolWaitRecorder;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.metrics.Sensor;
import io.sluice.core.time.Time;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's buffer-pool metrics, with its names and meaning: {@code buffer-available-bytes},
 * {@code buffer-total-bytes}, {@code waiting-threads}, {@code bufferpool-wait-ratio} (the fraction
 * of time appenders spent waiting for memory), {@code bufferpool-wait-time-ns-total}, and
 * {@code buffer-exhausted-rate}/{@code -total} (allocations that gave up after {@code max.block.ms}).
 * Stateless.
 */
final class BufferMetrics {

    private BufferMetrics() {
    }

    /** The recorder the pool reports waits and exhaustion to (called on user threads; sensors are thread-safe). */
    static PoolWaitRecorder waitRecorder(ProducerMetrics metrics, Time time) {
        Sensor waitTime = metrics.sensor("bufferpool-wait-time");
        metrics.addRate(waitTime, metrics.producerMetric("bufferpool-wait-ratio",
                "The fraction of time an appender waits for space allocation."), TimeUnit.NANOSECONDS);
        metrics.addTotal(waitTime, metrics.producerMetric("bufferpool-wait-time-ns-total",
                "The total time in nanoseconds an appender waits for space allocation."));
        Sensor exhausted = metrics.sensor("buffer-exhausted-records");
        metrics.addRate(exhausted, metrics.producerMetric("buffer-exhausted-rate",
                "The average per-second number of record sends that are dropped due to buffer exhaustion"));
        metrics.addTotal(exhausted, metrics.producerMetric("buffer-exhausted-total",
                "The total number of record sends that are dropped due to buffer exhaustion"));
        return new PoolWaitRecorder() {
            @Override
            public void waited(long nanos) {
                waitTime.record(nanos, time.monotonicMs());
            }

            @Override
            public void exhausted() {
                exhausted.record(1, time.monotonicMs());
            }
        };
    }

    /** Gauges of the pool's memory and waiters, computed when read. */
    static void register(ProducerMetrics metrics, BufferPool pool) {
        metrics.addGauge(metrics.producerMetric("buffer-available-bytes",
                "The total amount of buffer memory that is not being used (either unallocated or in the free list)."),
                pool::availableMemory);
        metrics.addGauge(metrics.producerMetric("buffer-total-bytes",
                "The maximum amount of buffer memory the client can use (whether or not it is currently used)."),
                pool::totalMemory);
        metrics.addGauge(metrics.producerMetric("waiting-threads",
                "The number of user threads blocked waiting for buffer memory to enqueue their records"),
                pool::queued);
    }
}
