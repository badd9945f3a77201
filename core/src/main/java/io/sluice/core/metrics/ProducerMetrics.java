package io.sluice.core.metrics;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import io.sluice.core.time.Time;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The metrics of one producer, with Apache Kafka's names and groups so dashboards map one to one.
 * Sensors are created once and recorded into; metrics are computed when read.
 *
 * <p>Thread-safe: sensors and metrics may be created from any thread (per-topic sensors appear on
 * first use) and read from any thread. Registering a metric, adding a reporter and closing are
 * serialized on this object, so a reporter sees every metric exactly once, whether it existed
 * before the reporter was added or appeared later.
 */
public final class ProducerMetrics {

    /** Kafka's group of producer-wide metrics. */
    public static final String PRODUCER_GROUP = "producer-metrics";
    /** Kafka's group of per-topic metrics. */
    public static final String TOPIC_GROUP = "producer-topic-metrics";
    /** Kafka's group of per-broker metrics. */
    public static final String NODE_GROUP = "producer-node-metrics";

    private final Time time;
    private final String clientId;
    private final int samples;
    private final long windowMs;
    private final Map<String, Sensor> sensors = new ConcurrentHashMap<>();
    private final Map<MetricName, Metric> metrics = new ConcurrentHashMap<>();
    /** Guarded by {@code this}. */
    private final List<MetricsReporter> reporters = new ArrayList<>(1);
    /** Guarded by {@code this}. */
    private boolean closed;

    public ProducerMetrics(Time time, String clientId, int samples, long windowMs) {
        this.time = time;
        this.clientId = clientId;
        this.samples = samples;
        this.windowMs = windowMs;
    }

    public String clientId() {
        return clientId;
    }

    /** The sensor named {@code name}, created on first use. */
    public Sensor sensor(String name) {
        return sensors.computeIfAbsent(name, Sensor::new);
    }

    /** Whether a sensor of that name exists already (to add its stats once). */
    public boolean hasSensor(String name) {
        return sensors.containsKey(name);
    }

    /** The tags every metric of this producer carries, plus {@code extra}. */
    public Map<String, String> tags(String... extra) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("client-id", clientId);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            tags.put(extra[i], extra[i + 1]);
        }
        return tags;
    }

    /** Adds {@code <name>-avg} over the sample window. */
    public void addAvg(Sensor sensor, MetricName name) {
        addStat(sensor, name, new SampledStat.Avg(samples, windowMs));
    }

    /** Adds {@code <name>-max} over the sample window. */
    public void addMax(Sensor sensor, MetricName name) {
        addStat(sensor, name, new SampledStat.Max(samples, windowMs));
    }

    /** Adds {@code <name>-rate}: recorded values per second over the sample window. */
    public void addRate(Sensor sensor, MetricName name) {
        addRate(sensor, name, TimeUnit.SECONDS);
    }

    /**
     * Adds a rate of recorded values per {@code unit} of elapsed time over the sample window; with
     * nanoseconds recorded and {@link TimeUnit#NANOSECONDS}, the fraction of time spent (Kafka's
     * {@code bufferpool-wait-ratio}).
     */
    public void addRate(Sensor sensor, MetricName name, TimeUnit unit) {
        addStat(sensor, name, new SampledStat.Rate(samples, windowMs, unit));
    }

    /** Adds {@code <name>-total}: everything recorded since start. */
    public void addTotal(Sensor sensor, MetricName name) {
        addStat(sensor, name, new CumulativeSum());
    }

    /** Adds percentile metrics (one per quantile) over the sample window. */
    public void addPercentiles(Sensor sensor, Map<MetricName, Double> quantiles) {
        Histogram h = new Histogram(samples, windowMs);
        sensor.add(h);
        for (Map.Entry<MetricName, Double> q : quantiles.entrySet()) {
            double quantile = q.getValue();
            register(q.getKey(), () -> sensor.percentile(h, quantile, time.monotonicMs()));
        }
    }

    /** Adds a metric computed by {@code value} when read (e.g. {@code buffer-available-bytes}). */
    public void addGauge(MetricName name, DoubleSupplier value) {
        register(name, value);
    }

    /** Every metric, for {@code Producer.metrics()}. */
    public Map<MetricName, Metric> all() {
        return Collections.unmodifiableMap(metrics);
    }

    /** A name in {@link #PRODUCER_GROUP} with the client-id tag. */
    public MetricName producerMetric(String name, String description) {
        return new MetricName(name, PRODUCER_GROUP, description, tags());
    }

    private void addStat(Sensor sensor, MetricName name, Stat stat) {
        sensor.add(stat);
        register(name, () -> sensor.measure(stat, time.monotonicMs()));
    }

    /** A name in {@link #TOPIC_GROUP} with the client-id and topic tags. */
    public MetricName topicMetric(String name, String topic, String description) {
        return new MetricName(name, TOPIC_GROUP, description, tags("topic", topic));
    }

    /** A name in {@link #NODE_GROUP} with the client-id and node-id tags ({@code node-<id>}, as Kafka). */
    public MetricName nodeMetric(String name, int nodeId, String description) {
        return new MetricName(name, NODE_GROUP, description, tags("node-id", "node-" + nodeId));
    }

    /**
     * Adds a reporter: it is told of every metric there is now, then of each new one, until
     * {@link #close()}. Reporters are told on the thread that creates the metric (often the sender
     * thread); they must be quick and must not throw.
     */
    public synchronized void addReporter(MetricsReporter reporter) {
        if (closed) {
            throw new IllegalStateException("The metrics of producer " + clientId + " are closed; no reporter can be added");
        }
        reporters.add(reporter);
        reporter.init(List.copyOf(metrics.values()));
    }

    /** Closes the reporters (JMX: unregisters the MBeans). Metrics stay readable. Idempotent. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MetricsReporter reporter : reporters) {
            reporter.close();
        }
        reporters.clear();
    }

    private synchronized void register(MetricName name, DoubleSupplier value) {
        Gauge gauge = new Gauge(name, value);
        if (metrics.putIfAbsent(name, gauge) == null) {
            for (MetricsReporter reporter : reporters) {
                reporter.metricAdded(gauge);
            }
        }
    }

    /** A metric read through a supplier. */
    private record Gauge(MetricName metricName, DoubleSupplier value) implements Metric {
        @Override
        public Object metricValue() {
            return value.getAsDouble();
        }
    }
}
