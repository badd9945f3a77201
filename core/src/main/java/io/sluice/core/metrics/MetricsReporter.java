package io.sluice.core.metrics;

import io.sluice.api.Metric;
import java.util.List;

/**
 * Publishes a producer's metrics somewhere else (JMX), told by {@link ProducerMetrics} of every
 * metric once. Calls are serialized by the {@link ProducerMetrics} it is added to; implementations
 * must not throw and must be quick (they may be called on the sender thread).
 */
public interface MetricsReporter {

    /** The metrics that exist when the reporter is added. */
    void init(List<Metric> metrics);

    /** A metric created after {@link #init}. */
    void metricAdded(Metric metric);

    /** The producer is closing: withdraw what was published. */
    void close();
}
