package io.sluice.examples.workload;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import java.util.Map;

/**
 * The figures of a producer's run read from {@code producer.metrics()} under Kafka's names: counts from the
 * {@code -total} metrics (since the producer started), averages and percentiles of the last metrics window.
 * An immutable snapshot.
 *
 * @param recordsSent       {@code record-send-total}: records drained into produce requests
 * @param requests          {@code request-total}: produce requests sent
 * @param batches           batches sent: {@code batch-full-total + batch-linger-total + batch-early-total}
 * @param wireBytes         {@code byte-total} of the topic: bytes of the sent batches (after compression)
 * @param batchSizeAvg      {@code batch-size-avg} in bytes
 * @param compressionRate   {@code compression-rate-avg}: compressed over uncompressed size of batches
 * @param recordsPerRequest {@code records-per-request-avg}
 * @param requestLatencyP50 {@code request-latency-p50} in ms (and p99, p99.9 below)
 */
public record ProducerFigures(double recordsSent, double requests, double batches, double wireBytes, double batchSizeAvg,
                              double compressionRate, double recordsPerRequest, double requestLatencyP50,
                              double requestLatencyP99, double requestLatencyP999) {

    private static final String PRODUCER = "producer-metrics";
    private static final String TOPIC = "producer-topic-metrics";

    /** Reads the figures; a metric that does not exist reads as NaN. */
    public static ProducerFigures of(Map<MetricName, ? extends Metric> metrics, String topic) {
        return new ProducerFigures(value(metrics, PRODUCER, "record-send-total", null),
                value(metrics, PRODUCER, "request-total", null),
                value(metrics, PRODUCER, "batch-full-total", null) + value(metrics, PRODUCER, "batch-linger-total", null)
                        + value(metrics, PRODUCER, "batch-early-total", null),
                value(metrics, TOPIC, "byte-total", topic),
                value(metrics, PRODUCER, "batch-size-avg", null),
                value(metrics, PRODUCER, "compression-rate-avg", null),
                value(metrics, PRODUCER, "records-per-request-avg", null),
                value(metrics, PRODUCER, "request-latency-p50", null),
                value(metrics, PRODUCER, "request-latency-p99", null),
                value(metrics, PRODUCER, "request-latency-p999", null));
    }

    /** Average bytes per sent batch, from the totals. */
    public double averageBatchBytes() {
        return batches > 0 ? wireBytes / batches : 0;
    }

    /** Records per sent batch, from the totals. */
    public double recordsPerBatch() {
        return batches > 0 ? recordsSent / batches : 0;
    }

    /** Records per produce request, from the totals. */
    public double recordsPerRequestTotal() {
        return requests > 0 ? recordsSent / requests : 0;
    }

    private static double value(Map<MetricName, ? extends Metric> metrics, String group, String name, String topic) {
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals(name) && n.group().equals(group) && (topic == null || topic.equals(n.tags().get("topic")))) {
                Object v = e.getValue().metricValue();
                return v instanceof Number number ? number.doubleValue() : Double.NaN;
            }
        }
        return Double.NaN;
    }
}
