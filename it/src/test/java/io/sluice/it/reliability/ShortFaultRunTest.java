package io.sluice.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.fault.Direction;
import io.sluice.testkit.fault.FaultProxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default build's fault test: tens of thousands of records from four threads through proxies in
 * front of a real three-broker cluster (RF 3, min.insync.replicas=2), with a handful of each fault —
 * connections dropped, a frame cut in half in each direction, the partition leader restarted — and
 * then the official consumer's read-back: every acknowledged record exactly once, in order per lane,
 * every failed send told by its callback.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShortFaultRunTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 8_000;
    private static final int CHUNK = 500;

    @RegisterExtension
    static final KafkaClusterExtension kafka = FaultRun.cluster();

    @Test
    void everyAcknowledgedRecordArrivesOnceAndInOrderThroughDropsHalfFramesAndLeaderRestarts() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = FaultRun.createTopic(kafka, "short-faults");
        Map<String, Long> faults = new LinkedHashMap<>();
        List<Runnable> plan = List.of(
                () -> count(faults, "connection drop", dropAll(cluster)),
                () -> count(faults, "half frame (to broker)", cutNext(cluster, Direction.CLIENT_TO_BROKER)),
                () -> count(faults, "connection drop", dropAll(cluster)),
                () -> count(faults, "half frame (to client)", cutNext(cluster, Direction.BROKER_TO_CLIENT)),
                () -> count(faults, "leader restart", restartLeader(cluster, topic)),
                () -> count(faults, "connection drop", dropAll(cluster)),
                () -> count(faults, "half frame (to broker)", cutNext(cluster, Direction.CLIENT_TO_BROKER)),
                () -> count(faults, "half frame (to client)", cutNext(cluster, Direction.BROKER_TO_CLIENT)),
                () -> count(faults, "leader restart", restartLeader(cluster, topic)),
                () -> count(faults, "half frame (to broker)", cutNext(cluster, Direction.CLIENT_TO_BROKER)),
                () -> count(faults, "half frame (to client)", cutNext(cluster, Direction.BROKER_TO_CLIENT)),
                () -> count(faults, "leader restart", restartLeader(cluster, topic)));
        AtomicInteger step = new AtomicInteger();
        SluiceWorkload workload = new SluiceWorkload(cluster.bootstrapServers(), topic, FaultRun.PARTITIONS, Map.of());
        FaultRun.sendConcurrently(workload, THREADS, PER_THREAD, CHUNK, () -> {
            int i = step.getAndIncrement();
            if (i < plan.size()) {
                plan.get(i).run();
            }
        });
        workload.flush();
        double retried = workload.metric("record-retry-total");
        DeliveryReport report = FaultRun.finish(cluster, workload, topic, PER_THREAD, faults);
        System.out.println("records retried by Sluice: " + retried);

        assertThat(report.lost()).as("lost: %s", report).isZero();
        assertThat(report.duplicated()).as("duplicated: %s", report).isZero();
        assertThat(report.reordered()).as("reordered: %s", report).isZero();
        assertThat(report.acked() + report.failed()).as("every send told its outcome: %s", report).isEqualTo(report.sent());
        assertThat(report.read()).as("read back: %s", report).isEqualTo(report.acked());
        assertThat(report.acked()).as("short faults within delivery.timeout.ms: all delivered: %s", report)
                .isEqualTo((long) THREADS * PER_THREAD);
        assertThat(faults.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(8);
        assertThat(retried).as("the faults hit records in flight").isPositive();
    }

    private static void count(Map<String, Long> faults, String kind, boolean effective) {
        if (effective) {
            faults.merge(kind, 1L, Long::sum);
        }
    }

    private static boolean dropAll(KafkaCluster cluster) {
        int dropped = 0;
        for (FaultProxy proxy : cluster.proxies()) {
            dropped += proxy.dropConnections();
        }
        return dropped > 0;
    }

    private static boolean cutNext(KafkaCluster cluster, Direction direction) {
        List<java.util.concurrent.CompletableFuture<Void>> cuts = cluster.proxies().stream()
                .map(p -> p.cutNextFrameInHalf(direction)).toList();
        try {
            java.util.concurrent.CompletableFuture.anyOf(cuts.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        } finally {
            cluster.proxies().forEach(FaultProxy::disarmCut);
        }
    }

    private static boolean restartLeader(KafkaCluster cluster, String topic) {
        int leader = cluster.leaderOf(topic, 0);
        cluster.stopBroker(leader);
        cluster.restartBroker(leader);
        return true;
    }
}
