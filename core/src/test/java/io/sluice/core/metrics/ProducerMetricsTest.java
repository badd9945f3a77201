package io.sluice.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import io.sluice.core.time.ManualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProducerMetricsTest {

    private final ManualTime time = new ManualTime();
    private final ProducerMetrics metrics = new ProducerMetrics(time, "test-client", 2, 30_000);

    private double value(String name) {
        return (Double) metrics.all().get(metrics.producerMetric(name, "")).metricValue();
    }

    @Test
    void avgMaxAndTotalFollowWhatWasRecordedWithKafkasNamesAndTags() {
        Sensor batchSize = metrics.sensor("batch-size");
        metrics.addAvg(batchSize, metrics.producerMetric("batch-size-avg", ""));
        metrics.addMax(batchSize, metrics.producerMetric("batch-size-max", ""));
        metrics.addTotal(batchSize, metrics.producerMetric("batch-size-total", ""));
        batchSize.record(100, time.monotonicMs());
        batchSize.record(300, time.monotonicMs());
        assertThat(value("batch-size-avg")).isEqualTo(200.0);
        assertThat(value("batch-size-max")).isEqualTo(300.0);
        assertThat(value("batch-size-total")).isEqualTo(400.0);
        MetricName name = metrics.producerMetric("batch-size-avg", "");
        assertThat(name.group()).isEqualTo("producer-metrics");
        assertThat(name.tags()).containsEntry("client-id", "test-client");
    }

    @Test
    void rateIsPerSecondOverTheSampleWindowAndForgetsOldSamples() {
        Sensor sends = metrics.sensor("record-send");
        metrics.addRate(sends, metrics.producerMetric("record-send-rate", ""));
        sends.record(3000, time.monotonicMs());
        // Kafka's rule: the window counts as at least (samples - 1) windows = 30 s
        assertThat(value("record-send-rate")).isCloseTo(100.0, within(0.001));
        time.sleep(90_000); // past both samples
        assertThat(value("record-send-rate")).isZero();
    }

    @Test
    void avgOfNothingIsNaNAsInKafka() {
        Sensor s = metrics.sensor("request-latency");
        metrics.addAvg(s, metrics.producerMetric("request-latency-avg", ""));
        assertThat(value("request-latency-avg")).isNaN();
    }

    @Test
    void percentilesAreWithinTheHistogramsResolution() {
        Sensor s = metrics.sensor("record-queue-time");
        metrics.addPercentiles(s, Map.of(
                metrics.producerMetric("record-queue-time-p50", ""), 0.50,
                metrics.producerMetric("record-queue-time-p99", ""), 0.99));
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            s.record(random.nextInt(10_000), time.monotonicMs());
        }
        assertThat(value("record-queue-time-p50")).isCloseTo(5000.0, within(5000.0 / Histogram.SUB_BUCKETS + 50));
        assertThat(value("record-queue-time-p99")).isCloseTo(9900.0, within(9900.0 / Histogram.SUB_BUCKETS + 50));
    }

    @Test
    void histogramBucketsAreExactForSmallValuesAndBoundedForLargeOnes() {
        for (long v = 0; v < 5000; v++) {
            long upper = Histogram.upperBoundOf(Histogram.bucketOf(v));
            assertThat(upper).isGreaterThanOrEqualTo(v);
            assertThat(upper - v).isLessThanOrEqualTo(Math.max(0, v / Histogram.SUB_BUCKETS));
        }
        assertThat(Histogram.upperBoundOf(Histogram.bucketOf(7))).isEqualTo(7);
        assertThat(Histogram.bucketOf(Long.MAX_VALUE)).isEqualTo(Histogram.bucketOf(1L << 50));
    }

    @Test
    void gaugesAreComputedWhenRead() {
        long[] available = {1000};
        metrics.addGauge(metrics.producerMetric("buffer-available-bytes", ""), () -> available[0]);
        assertThat(value("buffer-available-bytes")).isEqualTo(1000.0);
        available[0] = 10;
        assertThat(value("buffer-available-bytes")).isEqualTo(10.0);
    }

    @Test
    void rateEarlyInTheFirstWindowCountsTheMissingFullWindowsAsKafkasRateDoes() {
        Sensor sends = metrics.sensor("record-send");
        metrics.addRate(sends, metrics.producerMetric("record-send-rate", ""));
        sends.record(4000, time.monotonicMs());
        time.sleep(10_000);
        // Kafka: 10 s elapsed, 0 full windows < samples - 1 = 1, so the window is 10 s + 30 s = 40 s
        assertThat(value("record-send-rate")).isCloseTo(100.0, within(1e-9));
        time.sleep(35_000);
        // 45 s elapsed: one full window, nothing added; the first sample is still live (last event 45 s ago < 60 s)
        assertThat(value("record-send-rate")).isCloseTo(4000 / 45.0, within(1e-9));
    }

    @Test
    void rateOverSeveralWindowsReusesTheOldestSampleAndKeepsTheOverlappingOne() {
        Sensor sends = metrics.sensor("record-send");
        metrics.addRate(sends, metrics.producerMetric("record-send-rate", ""));
        metrics.addTotal(sends, metrics.producerMetric("record-send-total", ""));
        for (int i = 0; i < 10; i++) { // one record of 600 every 15 s: samples of 30 s hold 2 events each
            sends.record(600, time.monotonicMs());
            time.sleep(15_000);
        }
        assertThat(value("record-send-total")).isEqualTo(6000.0);
        // at t = 150 s: live samples (last event < 60 s ago) started at 90 s and 120 s → 4 records = 2400 over 60 s
        assertThat(value("record-send-rate")).isCloseTo(2400 / 60.0, within(1e-9));
    }

    @Test
    void aRateOfRecordedNanosecondsPerNanosecondIsTheFractionOfTimeSpent() {
        Sensor waits = metrics.sensor("bufferpool-wait-time");
        metrics.addRate(waits, metrics.producerMetric("bufferpool-wait-ratio", ""), TimeUnit.NANOSECONDS);
        waits.record(TimeUnit.SECONDS.toNanos(3), time.monotonicMs());
        time.sleep(30_000);
        waits.record(TimeUnit.SECONDS.toNanos(3), time.monotonicMs());
        // 6 s waited over a 30 s window
        assertThat(value("bufferpool-wait-ratio")).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void maxOfNothingIsNaNAndMaxForgetsExpiredSamples() {
        Sensor s = metrics.sensor("request-latency");
        metrics.addMax(s, metrics.producerMetric("request-latency-max", ""));
        assertThat(value("request-latency-max")).isNaN();
        s.record(70, time.monotonicMs());
        time.sleep(31_000);
        s.record(20, time.monotonicMs());
        assertThat(value("request-latency-max")).isEqualTo(70.0);
        time.sleep(59_000); // the 70 was recorded 90 s ago, the 20 59 s ago
        assertThat(value("request-latency-max")).isEqualTo(20.0);
    }

    @Test
    void aReporterSeesEveryMetricOnceWhetherItExistedBeforeOrCameLater() {
        Sensor s = metrics.sensor("batch-size");
        metrics.addAvg(s, metrics.producerMetric("batch-size-avg", ""));
        RecordingReporter reporter = new RecordingReporter();
        metrics.addReporter(reporter);
        metrics.addMax(s, metrics.producerMetric("batch-size-max", ""));
        metrics.addMax(s, metrics.producerMetric("batch-size-max", "")); // registered already: not announced again
        metrics.addGauge(metrics.topicMetric("byte-rate", "orders", ""), () -> 1.0);

        assertThat(reporter.initial).containsExactly("batch-size-avg");
        assertThat(reporter.added).containsExactly("batch-size-max", "byte-rate");
        MetricName topic = metrics.topicMetric("byte-rate", "orders", "");
        assertThat(topic.group()).isEqualTo("producer-topic-metrics");
        assertThat(topic.tags()).isEqualTo(Map.of("client-id", "test-client", "topic", "orders"));
        assertThat(metrics.nodeMetric("request-latency-avg", 3, "").tags())
                .isEqualTo(Map.of("client-id", "test-client", "node-id", "node-3"));
    }

    @Test
    void closeClosesReportersOnceAndRefusesNewOnes() {
        RecordingReporter reporter = new RecordingReporter();
        metrics.addReporter(reporter);
        metrics.close();
        metrics.close();
        assertThat(reporter.closes).isEqualTo(1);
        assertThatThrownBy(() -> metrics.addReporter(new RecordingReporter()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-client");
    }

    /** Remembers what it was told, by metric name. */
    private static final class RecordingReporter implements MetricsReporter {
        final List<String> initial = new ArrayList<>();
        final List<String> added = new ArrayList<>();
        int closes;

        @Override
        public void init(List<Metric> metrics) {
            metrics.forEach(m -> initial.add(m.metricName().name()));
        }

        @Override
        public void metricAdded(Metric metric) {
            added.add(metric.metricName().name());
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
