package io.sluice.core;

import io.sluice.core.accumulate.BufferPool;
import io.sluice.core.accumulate.PoolWaitRecorder;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.metrics.Sensor;
import io.sluice.core.time.Time;

/** Kafka's buffer-pool metrics: available and total bytes, time spent waiting, exhaustion. Stateless. */
final class BufferMetrics {

    private BufferMetrics() {
    }

    /** The recorder the pool reports waits and exhaustion to. */
    static PoolWaitRecorder waitRecorder(ProducerMetrics metrics, Time time) {
        Sensor waitTime = metrics.sensor("bufferpool-wait-time");
        metrics.addRate(waitTime, metrics.producerMetric("bufferpool-wait-ratio",
                "The fraction of time an appender waits for space allocation (ns waited per second / 1e9)."));
        metrics.addTotal(waitTime, metrics.producerMetric("bufferpool-wait-time-ns-total",
                "The total time in ns an appender waits for space allocation."));
        Sensor exhausted = metrics.sensor("buffer-exhausted-records");
        metrics.addRate(exhausted, metrics.producerMetric("buffer-exhausted-rate",
                "The average per-second number of record sends that are dropped due to buffer exhaustion."));
        metrics.addTotal(exhausted, metrics.producerMetric("buffer-exhausted-total",
                "The total number of record sends that are dropped due to buffer exhaustion."));
        return new PoolWaitRecorder() {
            @Override
            public void waited(long nanos) {
                // a rate of ns per second; /1e9 makes it the fraction of time spent waiting
                waitTime.record(nanos / 1e9, time.monotonicMs());
            }

            @Override
            public void exhausted() {
                exhausted.record(1, time.monotonicMs());
            }
        };
    }

    /** Gauges of the pool's memory. */
    static void register(ProducerMetrics metrics, BufferPool pool) {
        metrics.addGauge(metrics.producerMetric("buffer-available-bytes",
                "The total amount of buffer memory that is not being used (either unallocated or in the free list)."),
                pool::availableMemory);
        metrics.addGauge(metrics.producerMetric("buffer-total-bytes",
                "The maximum amount of buffer memory the client can use (whether or not it is currently used)."),
                pool::totalMemory);
    }
}
