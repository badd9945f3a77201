package io.sluice.api;

/** A metric of a producer: its name and its current value. */
public interface Metric {

    /** {@return the metric's name, group and tags, which identify it; never {@code null}} */
    MetricName metricName();

    /**
     * The current value, usually a {@code Double}; computed when asked. Safe to call from any thread.
     *
     * @return the value at the time of the call; as in Apache Kafka, an average, maximum or percentile
     *         with nothing recorded in its window is {@code NaN}
     */
    Object metricValue();
}
