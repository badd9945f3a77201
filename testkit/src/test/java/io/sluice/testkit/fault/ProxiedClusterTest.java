package io.sluice.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a cluster with fault proxies routes traffic: clients through the proxies, replication and the testkit past them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProxiedClusterTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = ProxiedCluster.extension();

    @Test
    void shouldAdvertiseEachBrokersProxySoThatClientsSendEverythingThroughIt() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "advertised");
        Set<String> proxyAddresses = cluster.proxies().stream().map(FaultProxy::address).collect(Collectors.toSet());
        assertThat(cluster.bootstrapServers().split(",")).containsExactlyInAnyOrderElementsOf(proxyAddresses);
        assertThat(cluster.directBootstrapServers().split(",")).doesNotContainAnyElementsOf(proxyAddresses);
        assertThat(cluster.brokerAddress(2)).isEqualTo(cluster.proxy(2).address());

        try (KafkaProducer<byte[], byte[]> producer = producer(cluster.bootstrapServers())) {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);
            assertThat(partitions).hasSize(ProxiedCluster.PARTITIONS).allSatisfy(info -> assertThat(
                    info.leader().host() + ":" + info.leader().port()).isIn(proxyAddresses));
            Map<Integer, Long> framesBefore = framesToBrokers(cluster);

            for (int partition = 0; partition < ProxiedCluster.PARTITIONS; partition++) {
                producer.send(record(topic, partition)).get(30, TimeUnit.SECONDS);
            }

            Map<Integer, Long> framesAfter = framesToBrokers(cluster);
            for (PartitionInfo info : partitions) {
                assertThat(framesAfter.get(info.leader().id())).as("requests through broker %d's proxy",
                        info.leader().id()).isGreaterThan(framesBefore.get(info.leader().id()));
            }
        }
    }

    @Test
    void shouldReplicateAndServeTheTestkitPastStalledProxies() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "past-proxies");
        long framesBefore = framesThroughProxies(cluster);
        cluster.proxies().forEach(proxy -> proxy.stall(Direction.BOTH));
        try (KafkaProducer<byte[], byte[]> producer = producer(cluster.directBootstrapServers())) {
            // acks=all with min.insync.replicas=2: only acknowledged once followers fetched it, past the proxies
            producer.send(record(topic, 0)).get(30, TimeUnit.SECONDS);
        }
        cluster.awaitInSync(topic);

        assertThat(cluster.readAll(topic, 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(cluster.leaderOf(topic, 0)).isIn(cluster.brokerIds());
        assertThat(framesThroughProxies(cluster)).isEqualTo(framesBefore);
        cluster.proxies().forEach(FaultProxy::unstall);
    }

    @Test
    void shouldKeepEachProxyAcrossARestartOfItsBroker() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = ProxiedCluster.createTopic(kafka, "restart");
        FaultProxy proxy = cluster.proxy(1);
        int port = proxy.port();

        cluster.restartBroker(1);
        cluster.awaitInSync(topic);

        assertThat(cluster.proxy(1)).isSameAs(proxy);
        assertThat(proxy.port()).isEqualTo(port);
        try (KafkaProducer<byte[], byte[]> producer = producer(cluster.bootstrapServers())) {
            for (int partition = 0; partition < ProxiedCluster.PARTITIONS; partition++) {
                producer.send(record(topic, partition)).get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(cluster.readAll(topic, ProxiedCluster.PARTITIONS, Duration.ofSeconds(30)))
                .hasSize(ProxiedCluster.PARTITIONS);
    }

    @Test
    void shouldRefuseProxyIdsThatNameNoBroker() {
        assertThatThrownBy(() -> kafka.cluster().proxy(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Broker 7 does not exist");
        assertThat(kafka.cluster().hasFaultProxies()).isTrue();
        assertThat(kafka.cluster().toString()).contains("fault proxies");
    }

    private static long framesThroughProxies(KafkaCluster cluster) {
        return cluster.proxies().stream().mapToLong(proxy -> proxy.framesForwarded(Direction.BOTH)).sum();
    }

    private static Map<Integer, Long> framesToBrokers(KafkaCluster cluster) {
        return cluster.brokerIds().stream().collect(Collectors.toMap(id -> id,
                id -> cluster.proxy(id).framesForwarded(Direction.CLIENT_TO_BROKER)));
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, int partition) {
        return new ProducerRecord<>(topic, partition, null, ("p" + partition).getBytes(StandardCharsets.UTF_8));
    }
}
