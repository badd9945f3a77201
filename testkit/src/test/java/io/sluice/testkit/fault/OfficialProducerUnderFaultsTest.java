package io.sluice.testkit.fault;

import static io.sluice.testkit.fault.ProxiedCluster.PARTITIONS;
import static io.sluice.testkit.fault.ProxiedCluster.assertEveryRecordOnceInOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each fault kind against the official idempotent producer (acks=all) writing to a three-broker cluster (RF 3,
 * min.insync.replicas=2) through the fault proxies; the official consumer reads back past the proxies. Every
 * record must be acknowledged and read back exactly once, in order within its partition. The faults hit records in
 * flight: each is injected after a round of sends and before the flush that waits for them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OfficialProducerUnderFaultsTest {

    private static final int ROUND = 300;

    @RegisterExtension
    static final KafkaClusterExtension kafka = ProxiedCluster.extension();

    @Test
    void shouldDeliverEveryRecordOnceInOrderWhenEveryConnectionDrops() {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "drop");
        IdempotentWorkload workload = new IdempotentWorkload(cluster.bootstrapServers(), topic, PARTITIONS);
        int dropped = 0;
        for (int round = 0; round < 6; round++) {
            workload.send(ROUND);
            if (round % 2 == 1) {
                dropped += cluster.proxies().stream().mapToInt(FaultProxy::dropConnections).sum();
            }
            workload.flush();
        }

        assertEveryRecordOnceInOrder(ProxiedCluster.finish(cluster, workload, topic));
        assertThat(dropped).isPositive();
    }

    @Test
    void shouldDeliverEveryRecordOnceInOrderWhenARequestIsCutInHalf() throws Exception {
        assertDeliveryWithCut(Direction.CLIENT_TO_BROKER, "cut-request");
    }

    @Test
    void shouldDeliverEveryRecordOnceInOrderWhenAResponseIsCutInHalf() throws Exception {
        // the broker appended the batches but the producer never learns it: its retry must not duplicate them
        assertDeliveryWithCut(Direction.BROKER_TO_CLIENT, "cut-response");
    }

    @Test
    void shouldDeliverEveryRecordOnceInOrderWhenResponsesStallPastTheRequestTimeout() {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "stall");
        FaultProxy leaderProxy = cluster.proxy(cluster.leaderOf(topic, 0));
        IdempotentWorkload workload = new IdempotentWorkload(cluster.bootstrapServers(), topic, PARTITIONS);
        workload.send(ROUND);
        workload.flush();
        long stallsBefore = leaderProxy.faultsInjected(FaultKind.STALL);

        leaderProxy.stall(Direction.BROKER_TO_CLIENT, Duration.ofSeconds(4)); // request.timeout.ms is 3 s
        workload.send(ROUND);
        workload.flush();
        workload.send(ROUND);

        double retries = workload.retries();
        assertEveryRecordOnceInOrder(ProxiedCluster.finish(cluster, workload, topic));
        assertThat(leaderProxy.faultsInjected(FaultKind.STALL)).isEqualTo(stallsBefore + 1);
        assertThat(retries).as("records sent again after their requests timed out").isPositive();
    }

    @Test
    void shouldDeliverEveryRecordOnceInOrderThroughABlackhole() {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "blackhole");
        FaultProxy leaderProxy = cluster.proxy(cluster.leaderOf(topic, 0));
        IdempotentWorkload workload = new IdempotentWorkload(cluster.bootstrapServers(), topic, PARTITIONS);
        workload.send(ROUND);
        workload.flush();

        leaderProxy.blackhole();
        workload.send(ROUND);
        // held until the producer gave up on its connection (request timeout) and made a new one into the hole
        Eventually.await("the producer to reconnect into the blackhole",
                () -> leaderProxy.swallowedConnections() > 0, leaderProxy::toString);
        leaderProxy.unblackhole();
        workload.flush();
        workload.send(ROUND);

        assertEveryRecordOnceInOrder(ProxiedCluster.finish(cluster, workload, topic));
    }

    @Test
    void shouldDeliverEveryRecordOnceInOrderWhenEveryFrameIsDelayed() {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "delay");
        IdempotentWorkload workload = new IdempotentWorkload(cluster.bootstrapServers(), topic, PARTITIONS);
        workload.send(ROUND);
        workload.flush();
        long delaysBefore = cluster.proxies().stream().mapToLong(proxy -> proxy.faultsInjected(FaultKind.DELAY)).sum();

        cluster.proxies().forEach(proxy -> proxy.delay(Duration.ofMillis(100)));
        workload.send(ROUND);
        workload.flush();
        cluster.proxies().forEach(proxy -> proxy.delay(Duration.ZERO));
        workload.send(ROUND);

        assertEveryRecordOnceInOrder(ProxiedCluster.finish(cluster, workload, topic));
        assertThat(cluster.proxies().stream().mapToLong(proxy -> proxy.faultsInjected(FaultKind.DELAY)).sum())
                .isEqualTo(delaysBefore + 3);
    }

    @Test
    void shouldDeliverEveryRecordOnceInOrderWhenTheLeaderRefusesConnectionsForAWhile() {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "refuse");
        FaultProxy leaderProxy = cluster.proxy(cluster.leaderOf(topic, 0));
        IdempotentWorkload workload = new IdempotentWorkload(cluster.bootstrapServers(), topic, PARTITIONS);
        workload.send(ROUND);
        workload.flush();

        leaderProxy.refuseNewConnections(true);
        workload.send(ROUND);
        leaderProxy.dropConnections();
        Eventually.await("the producer to be refused three times", () -> leaderProxy.connectionsRefused() >= 3,
                leaderProxy::toString);
        leaderProxy.refuseNewConnections(false);
        workload.flush();
        workload.send(ROUND);

        assertEveryRecordOnceInOrder(ProxiedCluster.finish(cluster, workload, topic));
    }

    @Test
    void shouldDeliverEveryRecordOnceInOrderWhenTheLeaderStopsAndComesBack() {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "leader");
        IdempotentWorkload workload = new IdempotentWorkload(cluster.bootstrapServers(), topic, PARTITIONS);
        workload.send(ROUND);
        workload.flush();

        int leader = cluster.leaderOf(topic, 0);
        FaultProxy proxy = cluster.proxy(leader);
        workload.send(ROUND);
        cluster.stopBroker(leader);
        workload.flush(); // after a new leader took over
        cluster.restartBroker(leader);
        cluster.awaitInSync(topic);
        workload.send(ROUND);

        assertEveryRecordOnceInOrder(ProxiedCluster.finish(cluster, workload, topic));
        assertThat(cluster.proxy(leader)).isSameAs(proxy);
    }

    private void assertDeliveryWithCut(Direction direction, String hint) throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, hint);
        FaultProxy leaderProxy = cluster.proxy(cluster.leaderOf(topic, 0));
        IdempotentWorkload workload = new IdempotentWorkload(cluster.bootstrapServers(), topic, PARTITIONS);
        workload.send(ROUND);
        workload.flush();
        long cutsBefore = leaderProxy.faultsInjected(FaultKind.HALF_FRAME);

        for (int cuts = 0; cuts < 3; cuts++) {
            CompletableFuture<Void> cut = leaderProxy.cutNextFrameInHalf(direction);
            workload.send(ROUND);
            cut.get(60, TimeUnit.SECONDS);
            workload.flush();
        }

        double retries = workload.retries();
        assertEveryRecordOnceInOrder(ProxiedCluster.finish(cluster, workload, topic));
        assertThat(leaderProxy.faultsInjected(FaultKind.HALF_FRAME)).isEqualTo(cutsBefore + 3);
        assertThat(retries).as("records sent again after a cut").isPositive();
    }
}
