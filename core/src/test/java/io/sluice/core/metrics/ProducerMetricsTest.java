package io.sluice.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.api.MetricName;
import io.sluice.core.time.ManualTime;
import java.util.Map;
import java.util.Random;
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
}
