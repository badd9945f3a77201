package io.sluice.api;

/** A metric of a producer: its name and its current value. */
public interface Metric {

    MetricName metricName();

    /** The current value, usually a {@code Double}; computed when asked. */
    Object metricValue();
}
