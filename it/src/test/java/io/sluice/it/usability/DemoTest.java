package io.sluice.it.usability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/sluice-demo} as a user runs it, in a child process: with no {@code --bootstrap-server} it starts the
 * testkit's Kafka 4.4 broker itself, creates the topic, produces through Sluice on the module path, reads every
 * record back with Kafka's consumer and stops the broker. The summary's figures are parsed and checked against
 * what was asked and against each other. The scripts use the reactor's jars ({@code SLUICE_MODULE_PATH},
 * {@code SLUICE_TESTKIT_CLASS_PATH}), so nothing is built.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DemoTest {

    /** What bin/sluice-demo's module path holds for lz4, with the perf tool's HdrHistogram for latency percentiles. */
    private static final List<String> MODULES = List.of("io.sluice.api", "io.sluice.core", "io.sluice.transport.nio",
            "io.sluice.codec.lz4", "org.lz4.java", "io.sluice.examples", "org.slf4j", "org.slf4j.simple", "HdrHistogram");
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";

    private final SluiceScripts scripts = new SluiceScripts();

    @Test
    void shouldStartItsOwnBrokerSendEveryRecordReadItBackAndPrintAConsistentSummary() throws Exception {
        int records = 20_000;

        SluiceScripts.Result r = runDemo("--num-records", Integer.toString(records), "--record-size", "100",
                "--compression-type", "lz4", "--topic", "demo-test", "--progress-interval-ms", "200");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String out = r.stdout();
        assertThat(r.stderr()).as(r.toString()).contains("ready at 127.0.0.1:").contains("stopping the local Kafka broker");
        assertThat(out).as(r.toString()).contains("Created topic demo-test with 6 partitions")
                .contains("io.sluice.core").contains("io.sluice.codec.lz4") // the modules that ran: proof of the module path
                .contains("Demo passed: all " + records + " records");
        assertThat(find(out, "^progress +(\\d+)% \\|[#.]{20}\\| (\\d+) of (\\d+) acknowledged", 3)).as(r.toString())
                .containsExactly("100", Integer.toString(records), Integer.toString(records)); // the last progress line

        double[] counts = find(out, "records +(\\d+) sent, (\\d+) acknowledged, (\\d+) failed \\(asked for (\\d+)\\)");
        assertThat(counts).containsExactly(records, records, 0, records);
        double[] data = find(out, "data +" + NUMBER + " MB of keys and values \\(100-byte values\\), " + NUMBER + " MB in batches");
        assertThat(data[0]).isCloseTo(userBytes(records) / 1e6, within(0.051));
        assertThat(data[1]).isGreaterThan(0).isLessThan(data[0]); // lz4 shrinks the half-phrase payloads
        double[] throughput = find(out, "throughput +(\\d+) records/s, " + NUMBER + " MB/s over " + NUMBER + " s");
        assertThat(throughput[0] * throughput[2]).isCloseTo(records, within(records * 0.01 + throughput[0] * 0.005));
        double[] latency = find(out, "latency +p50 " + NUMBER + " ms, p99 " + NUMBER + " ms, p99\\.9 " + NUMBER
                + " ms, max " + NUMBER + " ms");
        assertThat(latency[0]).isPositive();
        assertThat(latency).isSorted();
        double[] batches = find(out, "batches +(\\d+), average (\\d+) bytes, " + NUMBER + " records per batch");
        assertThat(batches[0]).isPositive();
        assertThat(batches[0] * batches[2]).isCloseTo(records, within(batches[0] * 0.05 + 1));
        assertThat(batches[0] * batches[1]).isCloseTo(data[1] * 1e6, within(batches[0] + 0.05e6));
        double[] compression = find(out, "compression +lz4, ratio " + NUMBER);
        assertThat(compression[0]).isGreaterThan(0).isLessThan(1);
        double[] requests = find(out, "requests +(\\d+) produce requests, " + NUMBER + " records per request, request "
                + "latency p50 " + NUMBER + " ms, p99 " + NUMBER + " ms, p99\\.9 " + NUMBER + " ms");
        assertThat(requests[0]).isPositive().isLessThanOrEqualTo(batches[0]);
        assertThat(requests[0] * requests[1]).isCloseTo(records, within(requests[0] * 0.05 + 1));
        assertThat(find(out, "^Tuning: (\\d+) batches sent: ")[0]).isEqualTo(batches[0]);

        double[] readBack = find(out, "read back +(\\d+) of (\\d+) records with Kafka's consumer in " + NUMBER + " s: "
                + "(\\d+) keyed \\((\\d+) not in murmur2's partition\\), (\\d+) keyless, (\\d+) missing, (\\d+) duplicates, "
                + "(\\d+) out of order, (\\d+) corrupt");
        assertThat(readBack).containsExactly(records, records, readBack[2], records / 2, 0, records / 2, 0, 0, 0, 0);
    }

    @Test
    void shouldExitNonZeroAndNameTheAddressWhenTheBootstrapServerIsUnreachable() throws Exception {
        String nowhere = "127.0.0.1:" + unusedPort();

        SluiceScripts.Result r = runDemo("--bootstrap-server", nowhere, "--num-records", "1000", "--timeout-ms", "3000");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).as(r.toString())
                .contains("Cannot reach Kafka at " + nowhere + ": no answer within 3000 ms")
                .contains("Check --bootstrap-server")
                .contains("Demo FAILED");
        assertThat(r.stdout()).doesNotContain("Demo passed").doesNotContain("Summary");
    }

    @Test
    void shouldStopAtTheFirstFailedSendAndSayWhatToCheckWhenTheProducerCannotReachTheCluster() throws Exception {
        String nowhere = "127.0.0.1:" + unusedPort();
        List<String> cmd = List.of(java().toString(), "-Xmx256m", "--module-path", scripts.modulePath(MODULES),
                "--add-modules", "HdrHistogram", "--module", "io.sluice.examples/io.sluice.examples.Demo",
                "--bootstrap-server", nowhere, "--num-records", "100000", "--timeout-ms", "2000");

        SluiceScripts.Result r = SluiceScripts.exec(cmd, Map.of(), new byte[0]);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).as(r.toString())
                .contains("Demo failed: 0 of 100000 records were acknowledged")
                .contains("the run stopped at the first failure")
                .contains("Is a Kafka broker listening at " + nowhere + "? Check --bootstrap-server");
        assertThat(r.stdout()).as(r.toString()).containsPattern("records +\\d+ sent, 0 acknowledged, [1-9]\\d* failed");
    }

    private static java.nio.file.Path java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private SluiceScripts.Result runDemo(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", scripts.root().resolve("bin/sluice-demo").toString()));
        cmd.addAll(List.of(args));
        return SluiceScripts.exec(cmd, Map.of(
                "SLUICE_MODULE_PATH", scripts.modulePath(MODULES),
                "SLUICE_TESTKIT_CLASS_PATH", testkitClassPath(),
                "SLUICE_KAFKA_JAVA_OPTS", "-Xmx384m",
                "SLUICE_HEAP_OPTS", "-Xmx256m",
                "JAVA_HOME", System.getProperty("java.home")), new byte[0]);
    }

    /** This test JVM's class path: the testkit (LocalKafka, DemoTopic) with Kafka's jars as Maven resolved them. */
    private static String testkitClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(cp).contains("testkit" + File.separator + "target");
        return cp;
    }

    /** Keys and values of records 0 .. n-1 as DemoRecords makes them: even records carry user-((i / 2) % 5000). */
    private static long userBytes(int n) {
        long bytes = 100L * n;
        for (int i = 0; i < n; i += 2) {
            bytes += ("user-" + (i / 2) % 5000).getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The numbers captured by {@code regex} in its only matching line (the last, for progress lines). */
    private static double[] find(String out, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(out);
        double[] last = null;
        while (m.find()) {
            last = new double[m.groupCount()];
            for (int i = 0; i < last.length; i++) {
                last[i] = Double.parseDouble(m.group(i + 1));
            }
        }
        assertThat(last).as("a line matching " + regex + " in\n" + out).isNotNull();
        return last;
    }

    private static List<String> find(String out, String regex, int groups) {
        double[] values = find(out, regex);
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < groups; i++) {
            texts.add(Long.toString((long) values[i]));
        }
        return texts;
    }
}
