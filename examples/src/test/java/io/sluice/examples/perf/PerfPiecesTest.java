package io.sluice.examples.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfPiecesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldMakeRandomUpperCaseLettersThenKeysFromOneSeededRandomAsKafkasTool() {
        PerfOptions o = PerfOptions.parse("--topic", "t", "--num-records", "10", "--throughput", "-1", "--record-size", "100",
                "--bootstrap-server", "h:1", "--key-distribution", "random", "--record-key-range", "50", "--random-seed", "3");
        RecordSource source = RecordSource.of(o, out);
        SplittableRandom expected = new SplittableRandom(3);

        for (long i = 0; i < 10; i++) {
            String value = new String(source.nextValue(i), StandardCharsets.US_ASCII);
            String key = new String(source.nextKey(i), StandardCharsets.US_ASCII);

            StringBuilder letters = new StringBuilder();
            for (int j = 0; j < 100; j++) {
                letters.append((char) ('A' + expected.nextInt(26)));
            }
            assertThat(value).isEqualTo(letters.toString()).matches("[A-Z]{100}");
            assertThat(key).isEqualTo(Integer.toString(expected.nextInt(50)));
        }
    }

    @Test
    void shouldMakeRangeKeysAndMonotonicValues() {
        PerfOptions o = PerfOptions.parse("--topic", "t", "--num-records", "10", "--throughput", "-1", "--payload-monotonic",
                "--bootstrap-server", "h:1", "--key-distribution", "range", "--record-key-range", "3");
        RecordSource source = RecordSource.of(o, out);

        StringBuilder seen = new StringBuilder();
        for (long i = 0; i < 5; i++) {
            seen.append(new String(source.nextValue(i), StandardCharsets.UTF_8)).append(':')
                    .append(new String(source.nextKey(i), StandardCharsets.UTF_8)).append(' ');
        }

        assertThat(seen.toString()).isEqualTo("0:0 1:1 2:2 3:0 4:1 ");
    }

    @Test
    void shouldPickPayloadsOfTheFileSplitAtTheDelimiter(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("payloads.txt");
        Files.writeString(file, "alpha|beta|gamma");
        PerfOptions o = PerfOptions.parse("--topic", "t", "--num-records", "10", "--throughput", "-1", "--bootstrap-server",
                "h:1", "--payload-file", file.toString(), "--payload-delimiter", "\\|");
        RecordSource source = RecordSource.of(o, out);

        Set<String> values = new HashSet<>();
        for (long i = 0; i < 200; i++) {
            values.add(new String(source.nextValue(i), StandardCharsets.UTF_8));
        }

        assertThat(values).containsExactlyInAnyOrder("alpha", "beta", "gamma");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Number of records read: 3");
    }

    @Test
    void shouldRefuseAnEmptyPayloadFile(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("empty.txt"));
        PerfOptions o = PerfOptions.parse("--topic", "t", "--num-records", "10", "--throughput", "-1", "--bootstrap-server",
                "h:1", "--payload-file", file.toString());

        assertThatThrownBy(() -> RecordSource.of(o, out)).hasMessageContaining("File does not exist or empty file provided")
                .hasMessageContaining("empty.txt");
    }

    @Test
    void shouldThrottleOnlyWhenTheAverageRateSinceTheStartIsAboveTheTarget() {
        Throttler throttler = new Throttler(1000, 0L);
        Throttler unlimited = new Throttler(-1, 0L);

        assertThat(throttler.shouldThrottle(999, 1_000_000_000L)).isFalse();
        assertThat(throttler.shouldThrottle(1001, 1_000_000_000L)).isTrue();
        assertThat(throttler.shouldThrottle(5, 0L)).as("no time has passed yet").isFalse();
        assertThat(unlimited.shouldThrottle(Long.MAX_VALUE, 1L)).isFalse();
    }

    @Test
    void shouldPrintKafkasProgressAndSummaryLinesPlusHdrPercentiles() {
        PerfStats stats = new PerfStats(false, 5000, out);
        stats.start(0L);
        for (int i = 1; i <= 1000; i++) {
            stats.record(i * 1_000_000L, 100, i * 1_000_000L); // latency i ms, arriving at i ms
        }
        stats.record(2_000_000L, 100, 6_000_000_000L);          // 6 s in: one progress line
        stats.printTotal(10_000_000_000L);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("1001 records sent, \\d+\\.\\d records/sec \\(\\d+\\.\\d\\d MB/sec\\), "
                + "\\d+\\.\\d ms avg latency, 1000\\.0 ms max latency\\.");
        assertThat(lines[1]).isEqualTo("1001 records sent, 100.100000 records/sec (0.01 MB/sec), 500.00 ms avg latency, "
                + "1000.00 ms max latency, 500 ms 50th, 950 ms 95th, 990 ms 99th, 999 ms 99.9th.");
        assertThat(lines[2]).startsWith("1001 records latency percentiles: 500.")
                .endsWith("ms max (HdrHistogram, microsecond resolution).");
    }
}
