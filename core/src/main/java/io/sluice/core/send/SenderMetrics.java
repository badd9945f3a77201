package io.sluice.core.send;

import io.sluice.api.MetricName;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.metrics.Sensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sender's measurements under Apache Kafka's metric names ({@code record-send-rate},
 * {@code batch-size-avg}, {@code request-latency-max}, ...), plus latency percentiles Kafka lacks.
 * Recorded per batch and per request, never per record. Sender thread (sensors are thread-safe).
 */
public final class SenderMetrics {

    private final ProducerMetrics metrics;
    private final Sensor batchSize;
    private final Sensor compressionRate;
    private final Sensor queueTime;
    private final Sensor recordsPerRequest;
    private final Sensor recordsSent;
    private final Sensor retries;
    private final Sensor errors;
    private final Sensor requestLatency;
    private final Sensor throttleTime;
    private final Sensor requests;

    public SenderMetrics(ProducerMetrics metrics) {
        this.metrics = metrics;
        batchSize = sensor("batch-size", "avg", "The average number of bytes sent per partition per request.",
                "max", "The max number of bytes sent per partition per request.");
        compressionRate = sensor("compression-rate", "avg", "The average compression rate of record batches "
                + "(compressed size / uncompressed size).");
        queueTime = sensor("record-queue-time", "avg", "The average time in ms record batches spent in the send buffer.",
                "max", "The maximum time in ms record batches spent in the send buffer.");
        percentiles(queueTime, "record-queue-time", "time in ms record batches spent in the send buffer");
        recordsPerRequest = sensor("records-per-request", "avg", "The average number of records sent per request.");
        recordsSent = sensor("record-send", "rate", "The average number of records sent per second.",
                "total", "The total number of records sent.");
        retries = sensor("record-retry", "rate", "The average per-second number of retried record sends.",
                "total", "The total number of retried record sends.");
        errors = sensor("record-error", "rate", "The average per-second number of record sends that resulted in errors.",
                "total", "The total number of record sends that resulted in errors.");
        requestLatency = sensor("request-latency", "avg", "The average request latency in ms.",
                "max", "The maximum request latency in ms.");
        percentiles(requestLatency, "request-latency", "request latency in ms");
        throttleTime = sensor("produce-throttle-time", "avg", "The average time in ms a request was throttled by a broker.",
                "max", "The maximum time in ms a request was throttled by a broker.");
        requests = sensor("request", "rate", "The number of produce requests sent per second.",
                "total", "The total number of produce requests sent.");
    }

    /** A batch left the queue for a request. */
    void batchDrained(ProducerBatch batch, long nowMs) {
        batchSize.record(batch.estimatedSizeInBytes(), nowMs);
        compressionRate.record(batch.compressionRatio(), nowMs);
        queueTime.record(Math.max(0, batch.drainedMs() - batch.createdMs()), nowMs);
        recordsSent.record(batch.recordCount(), nowMs);
        topicSensor(batch.topicPartition().topic(), "record-send", batch.recordCount(), nowMs);
        topicSensor(batch.topicPartition().topic(), "byte", batch.estimatedSizeInBytes(), nowMs);
    }

    void requestSent(int records, long nowMs) {
        recordsPerRequest.record(records, nowMs);
        requests.record(1, nowMs);
    }

    void retried(ProducerBatch batch, long nowMs) {
        retries.record(batch.recordCount(), nowMs);
        topicSensor(batch.topicPartition().topic(), "record-retry", batch.recordCount(), nowMs);
    }

    void failed(ProducerBatch batch, long nowMs) {
        errors.record(batch.recordCount(), nowMs);
        topicSensor(batch.topicPartition().topic(), "record-error", batch.recordCount(), nowMs);
    }

    void response(int nodeId, long latencyMs, int throttleMs, long nowMs) {
        requestLatency.record(latencyMs, nowMs);
        throttleTime.record(throttleMs, nowMs);
        nodeLatency(nodeId).record(latencyMs, nowMs);
    }

    private Sensor nodeLatency(int nodeId) {
        String name = "node-" + nodeId + ".latency";
        boolean existed = metrics.hasSensor(name);
        Sensor s = metrics.sensor(name);
        if (!existed) {
            Map<String, String> tags = metrics.tags("node-id", "node-" + nodeId);
            metrics.addAvg(s, new MetricName("request-latency-avg", ProducerMetrics.NODE_GROUP, "The average request latency in ms.", tags));
            metrics.addMax(s, new MetricName("request-latency-max", ProducerMetrics.NODE_GROUP, "The maximum request latency in ms.", tags));
            Map<MetricName, Double> q = new LinkedHashMap<>();
            q.put(new MetricName("request-latency-p50", ProducerMetrics.NODE_GROUP, "Median request latency in ms.", tags), 0.50);
            q.put(new MetricName("request-latency-p99", ProducerMetrics.NODE_GROUP, "99th percentile request latency in ms.", tags), 0.99);
            q.put(new MetricName("request-latency-p999", ProducerMetrics.NODE_GROUP, "99.9th percentile request latency in ms.", tags), 0.999);
            metrics.addPercentiles(s, q);
        }
        return s;
    }

    private void topicSensor(String topic, String base, double value, long nowMs) {
        String name = "topic." + topic + "." + base;
        boolean existed = metrics.hasSensor(name);
        Sensor s = metrics.sensor(name);
        if (!existed) {
            Map<String, String> tags = metrics.tags("topic", topic);
            metrics.addRate(s, new MetricName(base + "-rate", ProducerMetrics.TOPIC_GROUP,
                    "The average per-second " + base + " count of topic " + topic + ".", tags));
            metrics.addTotal(s, new MetricName(base + "-total", ProducerMetrics.TOPIC_GROUP,
                    "The total " + base + " count of topic " + topic + ".", tags));
        }
        s.record(value, nowMs);
    }

    /** A sensor with Kafka-named stats: pairs of (suffix, description). */
    private Sensor sensor(String base, String... suffixAndDoc) {
        Sensor s = metrics.sensor(base);
        for (int i = 0; i + 1 < suffixAndDoc.length; i += 2) {
            MetricName name = metrics.producerMetric(base + "-" + suffixAndDoc[i], suffixAndDoc[i + 1]);
            switch (suffixAndDoc[i]) {
                case "avg" -> metrics.addAvg(s, name);
                case "max" -> metrics.addMax(s, name);
                case "rate" -> metrics.addRate(s, name);
                case "total" -> metrics.addTotal(s, name);
                default -> throw new IllegalArgumentException(suffixAndDoc[i]);
            }
        }
        return s;
    }

    private void percentiles(Sensor s, String base, String what) {
        Map<MetricName, Double> q = new LinkedHashMap<>();
        q.put(metrics.producerMetric(base + "-p50", "Median " + what + "."), 0.50);
        q.put(metrics.producerMetric(base + "-p99", "99th percentile " + what + "."), 0.99);
        q.put(metrics.producerMetric(base + "-p999", "99.9th percentile " + what + "."), 0.999);
        metrics.addPercentiles(s, q);
    }
}
