package io.sluice.testkit.fault;

import static io.sluice.testkit.fault.ProxiedCluster.PARTITIONS;
import static io.sluice.testkit.fault.ProxiedCluster.assertEveryRecordOnceInOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A short soak: the official idempotent producer writes while a seeded {@link FaultSchedule} injects every kind of
 * fault, network and broker, into the three-broker cluster; then every record must be there once, in order.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChaosSoakTest {

    private static final int FAULTS = 10;

    @RegisterExtension
    static final KafkaClusterExtension kafka = ProxiedCluster.extension();

    @Test
    void shouldDeliverEveryRecordOnceInOrderThroughMixedFaults() {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "chaos");
        IdempotentWorkload workload = new IdempotentWorkload(cluster.bootstrapServers(), topic, PARTITIONS);
        Map<FaultKind, Long> summary;
        FaultSchedule.Builder builder = FaultSchedule.builder(20260101).proxies(cluster.proxies()).brokers(cluster)
                .leaderOf(topic, 0);
        for (FaultKind kind : FaultKind.values()) {
            builder.weight(kind, kind.isBrokerFault() ? 1 : 3); // a broker restart costs seconds; keep them rarer
        }
        try (FaultSchedule chaos = builder.pause(Duration.ofMillis(100), Duration.ofMillis(300))
                .hold(Duration.ofMillis(200), Duration.ofSeconds(1))
                .brokerDowntime(Duration.ofMillis(500), Duration.ofMillis(1500))
                .frameDelay(Duration.ofMillis(20), Duration.ofMillis(100)).start()) {
            while (chaos.effectiveFaults() < FAULTS && chaos.isRunning()) {
                workload.send(100);
                workload.flush();
            }
            chaos.stop();
            summary = chaos.summary();
            System.out.println(chaos + "\n" + String.join("\n", chaos.events().stream().map(Object::toString)
                    .toList()));
        }

        assertEveryRecordOnceInOrder(ProxiedCluster.finish(cluster, workload, topic));
        assertThat(summary).containsOnlyKeys(FaultKind.values());
        assertThat(summary.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(FAULTS);
    }
}
