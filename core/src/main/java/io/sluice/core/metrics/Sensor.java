package io.sluice.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A named measurement point (e.g. "batch-size"): each {@link #record} feeds every statistic attached
 * to it (avg, max, rate, total, percentiles), each published as a metric by {@link ProducerMetrics}.
 *
 * <p>Thread-safe: {@link #record} and the metric reads synchronize on the sensor. Sensors are
 * recorded per batch or per request on the sender thread, or rarely on user threads (buffer waits),
 * so the lock is uncontended; per-record counts are summed per batch, never recorded per record.
 */
public final class Sensor {

    private final String name;
    private final List<Stat> stats = new ArrayList<>(4);
    private final List<Histogram> histograms = new ArrayList<>(1);

    Sensor(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Records one value at {@code nowMs}, a monotonic time ({@code Time.monotonicMs()}). */
    public synchronized void record(double value, long nowMs) {
        for (int i = 0; i < stats.size(); i++) {
            stats.get(i).record(value, nowMs);
        }
        for (int i = 0; i < histograms.size(); i++) {
            histograms.get(i).record((long) value, nowMs);
        }
    }

    synchronized void add(Stat stat) {
        stats.add(stat);
    }

    synchronized void add(Histogram histogram) {
        histograms.add(histogram);
    }

    synchronized double measure(Stat stat, long nowMs) {
        return stat.measure(nowMs);
    }

    synchronized double percentile(Histogram histogram, double quantile, long nowMs) {
        return histogram.percentile(quantile, nowMs);
    }
}
