package io.sluice.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.fault.FaultKind;
import io.sluice.testkit.fault.FaultSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The long fault run, in the {@code faults} Maven profile ({@code mvn -B verify -Pfaults}): at least a
 * million records from four threads while a seeded schedule injects at least 50 faults of every kind
 * (connection drops, stalls, blackholes, delays, half frames, refused connections, broker and leader
 * restarts) into the proxied three-broker cluster. Writes its figures to
 * {@code it/target/reliability/report.md} for docs/RELIABILITY.md.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultSoakTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 250_000;
    private static final int CHUNK = 2_000;
    private static final int MIN_FAULTS = 50;
    private static final long SEED = Long.getLong("sluice.faults.seed", 20261125L);

    @RegisterExtension
    static final KafkaClusterExtension kafka = FaultRun.cluster();

    @Test
    void aMillionRecordsThroughFiftyMixedFaultsArriveOnceAndInOrder() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = FaultRun.createTopic(kafka, "soak");
        SluiceWorkload workload = new SluiceWorkload(cluster.bootstrapServers(), topic, FaultRun.PARTITIONS, Map.of());
        FaultSchedule.Builder builder = FaultSchedule.builder(SEED).proxies(cluster.proxies()).brokers(cluster)
                .leaderOf(topic, 0);
        for (FaultKind kind : FaultKind.values()) {
            builder.weight(kind, switch (kind) {
                case BROKER_RESTART, LEADER_RESTART -> 1; // seconds each: rarer
                default -> 3;
            });
        }
        Map<String, Long> faults = new LinkedHashMap<>();
        long started = System.nanoTime();
        double retried;
        try (FaultSchedule chaos = builder.pause(Duration.ofMillis(200), Duration.ofMillis(800))
                .hold(Duration.ofMillis(200), Duration.ofMillis(1500))
                .brokerDowntime(Duration.ofMillis(500), Duration.ofMillis(2000))
                .frameDelay(Duration.ofMillis(10), Duration.ofMillis(80)).start()) {
            FaultRun.sendConcurrently(workload, THREADS, PER_THREAD, CHUNK, () -> { });
            chaos.awaitFaults(MIN_FAULTS, Duration.ofMinutes(10)); // keep the faults coming until there are enough
            workload.flush();
            chaos.stop();
            chaos.summary().forEach((kind, n) -> faults.put(kind.name(), n));
            System.out.println(chaos);
        }
        workload.flush();
        retried = workload.metric("record-retry-total");
        DeliveryReport report = FaultRun.finish(cluster, workload, topic, PER_THREAD, faults);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        writeReport(report, retried, seconds);

        assertThat(report.sent()).isEqualTo((long) THREADS * PER_THREAD);
        assertThat(faults.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(MIN_FAULTS);
        assertThat(report.lost()).as("lost: %s", report).isZero();
        assertThat(report.duplicated()).as("duplicated: %s", report).isZero();
        assertThat(report.reordered()).as("reordered: %s", report).isZero();
        assertThat(report.acked() + report.failed()).as("every send told its outcome: %s", report).isEqualTo(report.sent());
        assertThat(report.read()).isEqualTo(report.acked());
    }

    private static void writeReport(DeliveryReport report, double retried, long seconds) throws IOException {
        Path dir = Path.of("target", "reliability");
        Files.createDirectories(dir);
        String text = "| run | sent | acknowledged | failed with exception | read back | lost | duplicated | reordered | faults by kind |\n"
                + "|---|---|---|---|---|---|---|---|---|\n"
                + report.markdownRow("soak, seed " + SEED + ", " + seconds + " s") + "\n\n"
                + "Records retried by the producer: " + (long) retried + "\n";
        Files.writeString(dir.resolve("report.md"), text);
        System.out.println(text);
    }
}
