package io.sluice.bench.side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideOptionsTest {

    @Test
    void shouldGiveTheRateScenarioTheFirstFiveSecondsAsWarmUpAndThroughputScenariosNone() {
        SideBySideOptions o = parse("--latency-records", "1500000");

        assertThat(o.latencyWarmupRecords()).isEqualTo(250_000);
        assertThat(scenario(o, "rate50k-lz4").warmupRecords()).isEqualTo(250_000);
        assertThat(scenario(o, "acks1-lz4").warmupRecords()).isZero();
        assertThat(Commands.perfToolArguments(scenario(o, "rate50k-lz4"), endpoint(), "t", null))
                .containsSequence("--warmup-records", "250000");
        assertThat(Commands.perfToolArguments(scenario(o, "acks1-lz4"), endpoint(), "t", null))
                .doesNotContain("--warmup-records");
    }

    @Test
    void shouldCapTheDefaultWarmUpAtHalfAShortRun() {
        assertThat(parse("--latency-records", "300000").latencyWarmupRecords()).isEqualTo(150_000);
        assertThat(parse("--rate", "10000").latencyWarmupRecords()).isEqualTo(50_000);
    }

    @Test
    void shouldTakeExplicitWarmUpsAndZeroForNone() {
        SideBySideOptions o = parse("--latency-warmup-records", "0", "--throughput-warmup-records", "1000000");

        assertThat(scenario(o, "rate50k-lz4").warmupRecords()).isZero();
        assertThat(scenario(o, "idem-zstd").warmupRecords()).isEqualTo(1_000_000);
        assertThat(o.scenarios().get(0).describe()).contains("steady state after the first 1000000 records");
    }

    @Test
    void shouldRejectAWarmUpAsLongAsTheRun() {
        assertThatThrownBy(() -> parse("--latency-records", "500000", "--latency-warmup-records", "500000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--latency-warmup-records 500000 must be 0 (no steady-state summary) or between 1 and "
                        + "--latency-records (500000) - 1; lower it or raise --latency-records");
    }

    private static SideBySideOptions parse(String... extra) {
        List<String> args = new ArrayList<>(List.of("--sluice-module-path", "m", "--official-class-path", "o",
                "--broker-class-path", "b", "--probe-jar", "p.jar"));
        args.addAll(List.of(extra));
        return SideBySideOptions.parse(args.toArray(new String[0]));
    }

    private static Scenario scenario(SideBySideOptions o, String name) {
        return o.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static LocalBroker.Endpoint endpoint() {
        return new LocalBroker.Endpoint("127.0.0.1:9092", null);
    }
}
