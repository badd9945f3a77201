package io.sluice.core;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import io.sluice.api.Producer;
import java.util.Locale;
import java.util.Map;

/**
 * The producer explains its batching: how full its batches were, whether {@code batch.size} or
 * {@code linger.ms} closed them, and what to change for more throughput or less latency. Computed
 * from the producer's own metrics since it started; any thread.
 *
 * <pre>{@code
 * System.out.println(Tuning.explain(producer));
 * }</pre>
 */
public final class Tuning {

    private Tuning() {
    }

    /**
     * A few sentences on the batching so far, with the figures behind them and a suggestion.
     *
     * @throws IllegalArgumentException if {@code producer} is not a Sluice producer
     */
    public static String explain(Producer<?, ?> producer) {
        if (!(producer instanceof SluiceProducer<?, ?> sluice)) {
            throw new IllegalArgumentException("Tuning explains Sluice producers made by Producers.create; got "
                    + (producer == null ? "null" : producer.getClass().getName()));
        }
        return explain(producer.metrics(), sluice.batchSizeConfig(), sluice.lingerMsConfig());
    }

    /** The explanation from metrics and the two settings that shape batches. */
    static String explain(Map<MetricName, ? extends Metric> metrics, int batchSize, long lingerMs) {
        double full = value(metrics, "batch-full-total");
        double lingered = value(metrics, "batch-linger-total");
        double early = value(metrics, "batch-early-total");
        double batches = full + lingered + early;
        if (batches == 0) {
            return "No batch has been sent yet: nothing to explain.";
        }
        double fill = value(metrics, "batch-fill-ratio-avg");
        double queueP99 = value(metrics, "record-queue-time-p99");
        double perRequest = value(metrics, "records-per-request-avg");
        double compression = value(metrics, "compression-rate-avg");
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%.0f batches sent: %.0f%% full (batch.size=%d bytes), %.0f%% closed by linger.ms=%d, "
                        + "%.0f%% sent early (flush, close, memory pressure or riding along in a request). ",
                batches, 100 * full / batches, batchSize, 100 * lingered / batches, lingerMs, 100 * early / batches));
        t.append(String.format(Locale.ROOT, "Batches were %.0f%% of batch.size on average (figures of the last metrics window), "
                + "%.1f records per request, compressed to %.0f%% of their size; 99%% of records waited at most %.0f ms in the "
                + "buffer. ", 100 * nan0(fill), nan0(perRequest), 100 * (Double.isNaN(compression) ? 1 : compression),
                nan0(queueP99)));
        t.append(advice(full / batches, lingered / batches, nan0(fill), batchSize, lingerMs));
        return t.toString();
    }

    private static String advice(double fullShare, double lingerShare, double fill, int batchSize, long lingerMs) {
        if (fullShare >= 0.5) {
            return "Batches fill up before linger.ms runs out: for more throughput raise batch.size (e.g. to "
                    + Math.max(batchSize * 2, 32768) + ") so each request carries more; for less latency lower linger.ms "
                    + "(it rarely decides here) or leave it.";
        }
        if (lingerShare >= 0.5 && fill < 0.5) {
            return "Batches leave because linger.ms runs out while they are small: for more throughput raise linger.ms (e.g. "
                    + "to " + Math.max(lingerMs * 4, 20) + ") so they fill further; for less latency lower it (records wait up to "
                    + "linger.ms). batch.size is not the limit.";
        }
        if (lingerShare >= 0.5) {
            return "Batches get well filled within linger.ms: a good balance; raise batch.size and linger.ms together for more "
                    + "throughput, lower linger.ms for less latency.";
        }
        return "Most batches leave early, before filling or lingering: the traffic is light or the producer is flushed often; "
                + "raise linger.ms if you want fewer, larger requests.";
    }

    private static double value(Map<MetricName, ? extends Metric> metrics, String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals(name) && n.group().equals("producer-metrics")) {
                Object v = e.getValue().metricValue();
                return v instanceof Number num ? num.doubleValue() : Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static double nan0(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
