package io.sluice.bench.side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolOutputTest {

    private static final String KAFKA_PROGRESS_1 =
            "249963 records sent, 49982.6 records/sec (4.77 MB/sec), 9.4 ms avg latency, 312.0 ms max latency.";
    private static final String KAFKA_PROGRESS_2 =
            "250030 records sent, 50006.0 records/sec (4.77 MB/sec), 3.9 ms avg latency, 14.0 ms max latency.";
    private static final String KAFKA_WHOLE = "500000 records sent, 49985.004499 records/sec (4.77 MB/sec), "
            + "6.12 ms avg latency, 312.00 ms max latency, 4 ms 50th, 6 ms 95th, 42 ms 99th, 280 ms 99.9th.";
    private static final String KAFKA_STEADY = "250000 steady state records sent, 50003.100192 records/sec (4.77 MB/sec), "
            + "3.91 ms avg latency, 14.00 ms max latency, 4 ms 50th, 6 ms 95th, 7 ms 99th, 11 ms 99.9th.";
    private static final String SLUICE_WHOLE = "500000 records sent, 49990.251900 records/sec (4.77 MB/sec), "
            + "3.84 ms avg latency, 201.33 ms max latency, 3 ms 50th, 5 ms 95th, 9 ms 99th, 150 ms 99.9th.";
    private static final String SLUICE_WHOLE_MICROS = "500000 records latency percentiles: 3.171 ms 50th, 5.023 ms 95th, "
            + "9.879 ms 99th, 150.271 ms 99.9th, 201.327 ms max (HdrHistogram, microsecond resolution).";
    private static final String SLUICE_STEADY = "250000 steady state records sent, 50001.000020 records/sec (4.77 MB/sec), "
            + "3.20 ms avg latency, 12.40 ms max latency, 3 ms 50th, 4 ms 95th, 7 ms 99th, 10 ms 99.9th.";
    private static final String SLUICE_STEADY_MICROS = "250000 steady state records latency percentiles: 3.141 ms 50th, "
            + "4.877 ms 95th, 7.495 ms 99th, 10.119 ms 99.9th, 12.399 ms max (HdrHistogram, microsecond resolution).";

    @Test
    void shouldTakeKafkaToolsWholeMillisecondsForWholeRunAndSteadyState() {
        ToolOutput.Summary s = ToolOutput.summary(List.of(KAFKA_PROGRESS_1, "In steady state.", KAFKA_PROGRESS_2,
                KAFKA_WHOLE, KAFKA_STEADY));

        assertThat(s.records()).isEqualTo(500_000);
        assertThat(s.recordsPerSec()).isCloseTo(49985.004499, offset(1e-6));
        assertThat(s.mbPerSec()).isEqualTo(4.77);
        assertThat(s.p50Ms()).isEqualTo(4.0);
        assertThat(s.p99Ms()).isEqualTo(42.0);
        assertThat(s.steadyP50Ms()).isEqualTo(4.0);
        assertThat(s.steadyP99Ms()).isEqualTo(7.0);
    }

    @Test
    void shouldTakeSluicesMicrosecondLinesForWholeRunAndSteadyState() {
        ToolOutput.Summary s = ToolOutput.summary(List.of(KAFKA_PROGRESS_1, "In steady state.", KAFKA_PROGRESS_2,
                SLUICE_WHOLE, SLUICE_WHOLE_MICROS, SLUICE_STEADY, SLUICE_STEADY_MICROS));

        assertThat(s.recordsPerSec()).isCloseTo(49990.2519, offset(1e-6));
        assertThat(s.p50Ms()).isEqualTo(3.171);
        assertThat(s.p99Ms()).isEqualTo(9.879);
        assertThat(s.steadyP50Ms()).isEqualTo(3.141);
        assertThat(s.steadyP99Ms()).isEqualTo(7.495);
    }

    @Test
    void shouldLeaveSteadyStateNaNWithoutWarmUp() {
        ToolOutput.Summary kafka = ToolOutput.summary(List.of(KAFKA_PROGRESS_1, KAFKA_WHOLE));
        ToolOutput.Summary sluice = ToolOutput.summary(List.of(SLUICE_WHOLE, SLUICE_WHOLE_MICROS));

        assertThat(kafka.p99Ms()).isEqualTo(42.0);
        assertThat(kafka.steadyP50Ms()).isNaN();
        assertThat(kafka.steadyP99Ms()).isNaN();
        assertThat(sluice.p99Ms()).isEqualTo(9.879);
        assertThat(sluice.steadyP50Ms()).isNaN();
        assertThat(sluice.steadyP99Ms()).isNaN();
    }

    @Test
    void shouldNotMistakeTheSteadyStateSummaryForTheWholeRun() {
        assertThat(ToolOutput.SUMMARY.matcher(KAFKA_STEADY).matches()).isFalse();
        assertThat(ToolOutput.PERCENTILES.matcher(SLUICE_STEADY_MICROS).matches()).isFalse();
        assertThat(ToolOutput.summary(List.of(KAFKA_PROGRESS_1, KAFKA_STEADY))).isNull();
    }

    @Test
    void shouldKeepSummaryMillisecondsWhenTheMicrosecondLineCountsOtherRecords() {
        String otherCount = SLUICE_STEADY_MICROS.replace("250000 steady", "249999 steady");

        ToolOutput.Summary s = ToolOutput.summary(List.of(SLUICE_WHOLE, SLUICE_WHOLE_MICROS, SLUICE_STEADY, otherCount));

        assertThat(s.steadyP99Ms()).isEqualTo(7.0);
    }

    @Test
    void shouldCountProgressLinesBeforeSteadyState() {
        assertThat(ToolOutput.progressLinesBeforeSteadyState(List.of(KAFKA_PROGRESS_1, KAFKA_PROGRESS_1,
                "In steady state.", KAFKA_PROGRESS_2, KAFKA_WHOLE, KAFKA_STEADY))).isEqualTo(2);
        assertThat(ToolOutput.progressLinesBeforeSteadyState(List.of(KAFKA_PROGRESS_1, KAFKA_WHOLE)))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldCountSteadyWindowsFromTheWarmUpOnForTheCpuWindow() {
        // warm-up 100 records; whole-run window of 60, then steady-state windows of 50 and 40; 200 records in all
        List<ToolOutput.Sample> samples = List.of(
                new ToolOutput.Sample(1_000, 10_000, 1, progress(60)),
                new ToolOutput.Sample(2_000, 20_000, 1, progress(50)),
                new ToolOutput.Sample(3_000, 30_000, 2, progress(40)),
                new ToolOutput.Sample(4_000, 40_000, 3, KAFKA_WHOLE),
                new ToolOutput.Sample(4_100, 40_100, 3, KAFKA_STEADY));

        double[] steady = ToolOutput.steady(samples, 200, 100, 1);

        // the window starts at the 2nd progress line: 100 + 50 acknowledged by then, 50 records to the summary
        assertThat(steady[0]).isEqualTo((4_000 - 2_000) / 50.0);
        assertThat(steady[1]).isEqualTo((40_000 - 20_000) / 50.0);
        assertThat(steady[2]).isEqualTo(40_000 / 200.0);
        assertThat(steady[3]).isEqualTo(3);
    }

    private static String progress(int records) {
        return records + " records sent, 1000.0 records/sec (0.10 MB/sec), 3.0 ms avg latency, 9.0 ms max latency.";
    }
}
