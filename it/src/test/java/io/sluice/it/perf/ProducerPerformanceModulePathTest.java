package io.sluice.it.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The perf tool as users run it: {@code io.sluice.examples.ProducerPerformance} in a fresh JVM on the module path
 * (HdrHistogram added as {@code bin/sluice-producer-perf-test} adds it), with Kafka's command line, against the
 * testkit's broker. Its exit status and Kafka-format summary are checked, and the official consumer reads back what
 * it sent. Small record counts keep it quick; throughput is never asserted.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProducerPerformanceModulePathTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    /** Kafka 4.4's summary line of kafka-producer-perf-test, to the letter. */
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) records sent, \\d+\\.\\d{6} records/sec "
            + "\\(\\d+\\.\\d\\d MB/sec\\), \\d+\\.\\d\\d ms avg latency, \\d+\\.\\d\\d ms max latency, "
            + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99\\.9th\\.$", Pattern.MULTILINE);
    private static final Pattern PERCENTILES = Pattern.compile("^(\\d+) records latency percentiles: (\\d+\\.\\d{3}) ms 50th, "
            + "(\\d+\\.\\d{3}) ms 95th, (\\d+\\.\\d{3}) ms 99th, (\\d+\\.\\d{3}) ms 99\\.9th, (\\d+\\.\\d{3}) ms max "
            + "\\(HdrHistogram, microsecond resolution\\)\\.$", Pattern.MULTILINE);
    private static final Pattern PROGRESS = Pattern.compile("^\\d+ records sent, \\d+\\.\\d records/sec \\(\\d+\\.\\d\\d MB/sec\\), "
            + "\\d+\\.\\d ms avg latency, \\d+\\.\\d ms max latency\\.$");

    private final PerfToolLauncher tool = new PerfToolLauncher();

    @Test
    void shouldSendEveryRecordAndPrintKafkasSummaryWhenRunOnTheModulePath() throws Exception {
        String topic = kafka.createTopic("perf-tool", 3, 1);
        int records = 20_000;

        PerfToolLauncher.Result r = tool.run("--topic", topic, "--num-records", Integer.toString(records),
                "--record-size", "100", "--throughput", "-1", "--bootstrap-server", kafka.bootstrapServers(),
                "--command-property", "acks=all", "linger.ms=5", "batch.size=65536", "compression.type=lz4",
                "--reporting-interval", "200");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertSummary(r, records);
        for (String line : r.stdout().split("\\R")) {
            if (!SUMMARY.matcher(line).matches() && !PERCENTILES.matcher(line).matches()) {
                assertThat(line).as("every other line of stdout is a progress line\n" + r).matches(PROGRESS);
            }
        }
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, records, Duration.ofSeconds(60));
        assertThat(read).hasSize(records);
        assertThat(read).allSatisfy(rec -> {
            assertThat(rec.key()).isNull();
            assertThat(new String(rec.value(), StandardCharsets.US_ASCII)).matches("[A-Z]{100}");
        });
    }

    @Test
    void shouldSendKeyedPayloadsOfAFileWithTheOlderOptionsAndPrintMetrics(@TempDir Path dir) throws Exception {
        String topic = kafka.createTopic("perf-tool-file", 3, 1);
        Path payloads = Files.writeString(dir.resolve("payloads.txt"), "red\ngreen\nblue\n");
        Path config = Files.writeString(dir.resolve("producer.properties"),
                "bootstrap.servers=" + kafka.bootstrapServers() + "\nacks=1\nenable.idempotence=false\n");
        int records = 3_000;

        PerfToolLauncher.Result r = tool.run("--topic", topic, "--num-records", Integer.toString(records),
                "--payload-file", payloads.toString(), "--throughput", "-1", "--producer.config", config.toString(),
                "--producer-props", "linger.ms=1", "--key-distribution", "range", "--record-key-range", "10",
                "--print-metrics");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertSummary(r, records);
        assertThat(r.stdout()).contains("Number of records read: 3").contains("Metric Name")
                .containsPattern("producer-metrics:record-send-total:\\{client-id=perf-producer-client\\}\\s+: 3000");
        assertThat(r.stderr()).contains("Option --producer-props has been deprecated");
        Map<String, Integer> perKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> rec : kafka.cluster().readAll(topic, records, Duration.ofSeconds(60))) {
            assertThat(new String(rec.value(), StandardCharsets.UTF_8)).isIn("red", "green", "blue");
            perKey.merge(new String(rec.key(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        assertThat(perKey).hasSize(10).allSatisfy((key, count) -> assertThat(count).isEqualTo(records / 10));
    }

    @Test
    void shouldExitWithOneAndSayHowManyFailedWhenRecordsAreRefused() throws IOException, InterruptedException {
        String topic = kafka.createTopic("perf-tool-too-large", 1, 1);

        PerfToolLauncher.Result r = tool.run("--topic", topic, "--num-records", "3", "--record-size", "2000000",
                "--throughput", "-1", "--bootstrap-server", kafka.bootstrapServers());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).as(r.toString()).contains("Record failed: ").contains("max.request.size")
                .contains("3 of 3 records failed (0 acknowledged)");
        assertThat(r.stdout()).as(r.toString()).contains("0 records sent, ");
    }

    @Test
    void shouldRefuseAWrongCommandLineWithKafkasMessageAndExitOne() throws Exception {
        PerfToolLauncher.Result r = tool.run("--topic", "t", "--num-records", "10", "--throughput", "-1",
                "--bootstrap-server", kafka.bootstrapServers());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("you must provide exactly one of --record-size, --payload-file or --payload-monotonic")
                .contains("usage: sluice-producer-perf-test");
    }

    private static void assertSummary(PerfToolLauncher.Result r, int records) {
        Matcher summary = SUMMARY.matcher(r.stdout());
        assertThat(summary.find()).as("Kafka's summary line\n" + r).isTrue();
        assertThat(Long.parseLong(summary.group(1))).isEqualTo(records);
        long p50 = Long.parseLong(summary.group(2));
        long p999 = Long.parseLong(summary.group(5));
        assertThat(p50).isLessThanOrEqualTo(Long.parseLong(summary.group(3))).isLessThanOrEqualTo(p999);
        Matcher percentiles = PERCENTILES.matcher(r.stdout());
        assertThat(percentiles.find()).as("the HdrHistogram line\n" + r).isTrue();
        assertThat(Long.parseLong(percentiles.group(1))).isEqualTo(records);
        assertThat((long) Double.parseDouble(percentiles.group(2))).as("the summary's 50th is the histogram's, whole ms")
                .isEqualTo(p50);
    }
}
