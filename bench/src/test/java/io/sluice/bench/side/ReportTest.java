package io.sluice.bench.side;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Scenario RATE = new Scenario("rate50k-lz4", false, "lz4", 50_000, 500_000, 0, Scenario.PLAINTEXT,
            250_000);
    private static final Scenario THROUGHPUT = new Scenario("acks1-lz4", false, "lz4", -1, 3_000_000, 0,
            Scenario.PLAINTEXT, 0);

    @Test
    void shouldShowSteadyP99RatiosAgainstOfficialAndItsTruncationMidpoint() {
        String md = Report.markdown(List.of(RATE), List.of(
                run(RATE, Contender.SLUICE, 9.879, 3.141, 7.495),
                run(RATE, Contender.OFFICIAL, 42, 4, 7)));

        assertThat(md).contains("| p99 steady Sluice/official | p99 steady Sluice/(official+0.5 ms) |");
        assertThat(md).contains("| rate50k-lz4 | 1.00× | – | 1.00× | 1.00× | – | 0.24× | 1.07× | 1.00× |");
        assertThat(md).contains("| Sluice | 50,000 | 4.8 | 2.00 | 1.50 | 20.0 | 3.17 | 9.88 | 3.14 | 7.50 | 1.00 | 1/1 |");
        assertThat(md).contains("| official Java (kafka-clients 4.4.0) | 50,000 | 4.8 | 2.00 | 1.50 | 20.0 | 3.17 | 42.00 "
                + "| 4.00 | 7.00 | 1.00 | 1/1 |");
        assertThat(md).contains("its 7 means 7.00–7.99 ms");
    }

    @Test
    void shouldRenderMissingSteadyStateAsDash() {
        String md = Report.markdown(List.of(THROUGHPUT), List.of(
                run(THROUGHPUT, Contender.SLUICE, 9.0, Double.NaN, Double.NaN),
                run(THROUGHPUT, Contender.OFFICIAL, 12.0, Double.NaN, Double.NaN)));

        assertThat(md).contains("| Sluice | 50,000 | 4.8 | 2.00 | 1.50 | 20.0 | 3.17 | 9.00 | – | – | 1.00 | 1/1 |");
        assertThat(md).contains("| acks1-lz4 | 1.00× | – | 1.00× | 1.00× | – | 0.75× | – | – |");
        assertThat(md).contains("| acks1-lz4 | 1 | Sluice | yes | 50,000 | 2.00 | 1.50 | 20.0 | 30.0 | 0 | 3.17 | 9.00 | – "
                + "| – | 1.00 | 100 |  |");
        assertThat(md).doesNotContain("its 7 means");
    }

    @Test
    void shouldWriteEmptyCsvCellsForMissingSteadyState() {
        RunResult r = run(THROUGHPUT, Contender.SLUICE, 9.0, Double.NaN, Double.NaN);

        assertThat(RunResult.csvHeader()).contains(",p50_ms,p99_ms,steady_p50_ms,steady_p99_ms,");
        assertThat(r.csv()).contains(",3.171,9.000,,,1000.000,");
        assertThat(run(RATE, Contender.OFFICIAL, 42, 4, 7).csv()).contains(",3.171,42.000,4.000,7.000,1000.000,");
    }

    private static RunResult run(Scenario s, Contender c, double p99, double steadyP50, double steadyP99) {
        return new RunResult(s, c, 1, true, s.records(), 50_000, 4.77, 2_000, 1_500, 20, 30, 0, 3.171, p99, steadyP50,
                steadyP99, 1_000, 102_400, "");
    }
}
