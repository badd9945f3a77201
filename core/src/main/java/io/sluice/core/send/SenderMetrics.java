package io.sluice.core.send;

import io.sluice.api.MetricName;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.metrics.Sensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sender's measurements under Apache Kafka's metric names, groups and tags
 * ({@code record-send-rate}, {@code batch-size-avg}, {@code request-latency-max}, per topic
 * {@code byte-rate} and {@code compression-rate}, per broker {@code request-latency-avg}), plus the
 * latency percentiles Kafka lacks ({@code -p50}, {@code -p99}, {@code -p999}). Recorded per batch and
 * per request, never per record, at the points where Kafka's {@code Sender} records them: a batch
 * when it is drained into a request (its final, sealed size), a request when it is sent, latency
 * and throttle time when its answer arrives.
 *
 * <p>Sender thread; {@link #recordSendError} also on user threads (sensors are thread-safe).
 */
public final class SenderMetrics {

    /** Kafka's sensor behind {@code record-error-rate}/{@code -total}, shared with send-time failures. */
    static final String ERROR_SENSOR = "record-error";

    private final ProducerMetrics metrics;
    private final Sensor batchSize;
    private final Sensor compressionRate;
    private final Sensor queueTime;
    private final Sensor recordsPerRequest;
    private final Sensor recordsSent;
    private final Sensor retries;
    private final Sensor errors;
    private final Sensor splits;
    private final Sensor requestLatency;
    private final Sensor throttleTime;
    private final Sensor requests;

    private final BatchCloseStats closes;

    /**
     * Per topic, its sensors by {@link TopicStat} ordinal, filled on first use (sender thread only, like
     * every method but {@link #recordSendError}). Looked up here rather than by building the sensor's name
     * for each batch: that string concatenation and two lookups per statistic were most of what the JIT
     * compiled for {@link #batchDrained}. Sensors are never removed, so a cached one stays the registered one.
     */
    private final Map<String, Sensor[]> topicSensors = new HashMap<>();
    /** Per broker id, its request latency sensor (sender thread only). */
    private final Map<Integer, Sensor> nodeLatencySensors = new HashMap<>();

    /** Without batching settings: batch close reasons are not explained (tests). */
    public SenderMetrics(ProducerMetrics metrics) {
        this(metrics, 0, 0);
    }

    /**
     * @param batchSizeConfig {@code batch.size}, to tell full batches from lingered ones
     * @param lingerMs  {@code linger.ms}
     */
    public SenderMetrics(ProducerMetrics metrics, int batchSizeConfig, long lingerMs) {
        this.metrics = metrics;
        this.closes = new BatchCloseStats(metrics, batchSizeConfig, lingerMs);
        batchSize = sensor("batch-size", "avg", "The average number of bytes sent per partition per-request.",
                "max", "The max number of bytes sent per partition per-request.");
        compressionRate = sensor("compression-rate", "avg", "The average compression rate of record batches, defined as "
                + "the average ratio of the compressed batch size over the uncompressed size.");
        queueTime = sensor("record-queue-time", "avg", "The average time in ms record batches spent in the send buffer.",
                "max", "The maximum time in ms record batches spent in the send buffer.");
        percentiles(queueTime, "record-queue-time", "time in ms record batches spent in the send buffer");
        recordsPerRequest = sensor("records-per-request", "avg", "The average number of records sent per request.");
        recordsSent = sensor("record-send", "rate", "The average number of records sent per second.",
                "total", "The total number of records sent.");
        retries = sensor("record-retry", "rate", "The average per-second number of retried record sends.",
                "total", "The total number of retried record sends.");
        errors = sensor(ERROR_SENSOR, "rate", "The average per-second number of record sends that resulted in errors.",
                "total", "The total number of record sends that resulted in errors.");
        splits = sensor("batch-split", "rate", "The average number of batch splits per second.",
                "total", "The total number of batch splits.");
        requestLatency = sensor("request-latency", "avg", "The average request latency in ms.",
                "max", "The maximum request latency in ms.");
        percentiles(requestLatency, "request-latency", "request latency in ms");
        throttleTime = sensor("produce-throttle-time", "avg", "The average time in ms a request was throttled by a broker.",
                "max", "The maximum time in ms a request was throttled by a broker.");
        requests = sensor("request", "rate", "The number of produce requests sent per second.",
                "total", "The total number of produce requests sent.");
    }

    /**
     * A send that failed before its record was buffered (serialization, metadata or memory wait,
     * size): counted in {@code record-error-*} as Kafka's {@code KafkaProducer.doSend} does.
     */
    public static void recordSendError(ProducerMetrics metrics, long nowMs) {
        metrics.sensor(ERROR_SENSOR).record(1, nowMs);
    }

    /** A sealed batch left the queue for a request. */
    void batchDrained(ProducerBatch batch, long nowMs) {
        String topic = batch.topicPartition().topic();
        int size = batch.estimatedSizeInBytes(); // sealed: the exact size on the wire
        batchSize.record(size, nowMs);
        compressionRate.record(batch.compressionRatio(), nowMs);
        queueTime.record(Math.max(0, batch.drainedMs() - batch.createdMs()), nowMs);
        recordsSent.record(batch.recordCount(), nowMs);
        topicSensor(topic, TopicStat.RECORD_SEND).record(batch.recordCount(), nowMs);
        topicSensor(topic, TopicStat.BYTE).record(size, nowMs);
        topicSensor(topic, TopicStat.COMPRESSION_RATE).record(batch.compressionRatio(), nowMs);
        closes.record(batch, nowMs);
    }

    void requestSent(int records, long nowMs) {
        recordsPerRequest.record(records, nowMs);
        requests.record(1, nowMs);
    }

    void retried(ProducerBatch batch, long nowMs) {
        retries.record(batch.recordCount(), nowMs);
        topicSensor(batch.topicPartition().topic(), TopicStat.RECORD_RETRY).record(batch.recordCount(), nowMs);
    }

    /** A batch too large for the broker goes on as smaller batches (Kafka's {@code batch-split-*}, not a retry). */
    void split(ProducerBatch batch, long nowMs) {
        splits.record(1, nowMs);
    }

    void failed(ProducerBatch batch, long nowMs) {
        errors.record(batch.recordCount(), nowMs);
        topicSensor(batch.topicPartition().topic(), TopicStat.RECORD_ERROR).record(batch.recordCount(), nowMs);
    }

    void response(int nodeId, long latencyMs, int throttleMs, long nowMs) {
        requestLatency.record(latencyMs, nowMs);
        throttleTime.record(throttleMs, nowMs);
        nodeLatency(nodeId).record(latencyMs, nowMs);
    }

    private Sensor nodeLatency(int nodeId) {
        Sensor s = nodeLatencySensors.get(nodeId);
        if (s == null) {
            s = registerNodeLatency(nodeId);
            nodeLatencySensors.put(nodeId, s);
        }
        return s;
    }

    /** Kafka's per-broker request latency (group {@code producer-node-metrics}, tag {@code node-id=node-<id>}). */
    private Sensor registerNodeLatency(int nodeId) {
        String name = "node-" + nodeId + ".latency";
        if (metrics.hasSensor(name)) {
            return metrics.sensor(name);
        }
        Sensor s = metrics.sensor(name);
        metrics.addAvg(s, metrics.nodeMetric("request-latency-avg", nodeId, "The average request latency in ms."));
        metrics.addMax(s, metrics.nodeMetric("request-latency-max", nodeId, "The maximum request latency in ms."));
        Map<MetricName, Double> q = new LinkedHashMap<>();
        q.put(metrics.nodeMetric("request-latency-p50", nodeId, "Median request latency in ms."), 0.50);
        q.put(metrics.nodeMetric("request-latency-p99", nodeId, "99th percentile request latency in ms."), 0.99);
        q.put(metrics.nodeMetric("request-latency-p999", nodeId, "99.9th percentile request latency in ms."), 0.999);
        metrics.addPercentiles(s, q);
        return s;
    }

    private Sensor topicSensor(String topic, TopicStat stat) {
        Sensor[] sensors = topicSensors.get(topic);
        if (sensors == null) {
            sensors = new Sensor[TopicStat.values().length];
            topicSensors.put(topic, sensors);
        }
        Sensor s = sensors[stat.ordinal()];
        if (s == null) {
            s = registerTopicSensor(topic, stat);
            sensors[stat.ordinal()] = s;
        }
        return s;
    }

    /** Kafka's per-topic sensors ({@code topic.<topic>.<stat>}), created on the topic's first use. */
    private Sensor registerTopicSensor(String topic, TopicStat stat) {
        String name = "topic." + topic + "." + stat.sensorSuffix;
        if (metrics.hasSensor(name)) {
            return metrics.sensor(name);
        }
        Sensor s = metrics.sensor(name);
        if (stat == TopicStat.COMPRESSION_RATE) {
            metrics.addAvg(s, metrics.topicMetric("compression-rate", topic, stat.doc));
        } else {
            metrics.addRate(s, metrics.topicMetric(stat.base + "-rate", topic, "The average " + stat.doc + " per second for a topic."));
            metrics.addTotal(s, metrics.topicMetric(stat.base + "-total", topic, "The total " + stat.doc + " for a topic."));
        }
        return s;
    }

    /** The per-topic statistics Kafka keeps, with its names. */
    private enum TopicStat {
        RECORD_SEND("record-send", "records-sent", "number of records sent"),
        BYTE("byte", "bytes", "number of bytes sent"),
        COMPRESSION_RATE("compression-rate", "compression-rate", "The average compression rate of record batches for a topic, "
                + "defined as the average ratio of the compressed batch size over the uncompressed size."),
        RECORD_RETRY("record-retry", "record-retries", "number of retried record sends"),
        RECORD_ERROR("record-error", "record-errors", "number of record sends that resulted in errors");

        final String base;
        final String sensorSuffix;
        final String doc;

        TopicStat(String base, String sensorSuffix, String doc) {
            this.base = base;
            this.sensorSuffix = sensorSuffix;
            this.doc = doc;
        }
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
