package io.sluice.it.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.NotEnoughReplicasException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** acks=all and leader changes on a real three-broker cluster (RF 3), read back with the official consumer. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProducerClusterFaultsTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(3);

    private Map<String, Object> config(Object... kv) {
        Map<String, Object> m = StringProducerConfig.of(kafka.bootstrapServers(), kv);
        m.putIfAbsent("enable.idempotence", "false");
        return m;
    }

    @Test
    void acksAllWaitsForTheInSyncReplicasWhileAcksOneOnlyNeedsTheLeader() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = kafka.uniqueTopic("isr");
        cluster.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "2"));
        int leader = cluster.leaderOf(topic, 0);
        try (Producer<String, String> all = Producers.create(config("acks", "all", "linger.ms", 0,
                "request.timeout.ms", 2000, "delivery.timeout.ms", 6000));
             Producer<String, String> one = Producers.create(config("acks", "1", "linger.ms", 0))) {
            assertThat(all.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
            for (int id : cluster.brokerIds()) {
                if (id != leader) {
                    cluster.stopBroker(id); // the ISR shrinks to the leader once they are fenced
                }
            }
            awaitIsrSize(cluster, topic, 1);

            CompletableFuture<RecordMetadata> refused = all.send(new ProducerRecord<>(topic, "k", "needs-isr"));
            assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(e.getCause()).isInstanceOfAny(NotEnoughReplicasException.class,
                            TimeoutException.class));
            assertThat(one.send(new ProducerRecord<>(topic, "k", "leader-only")).get(30, TimeUnit.SECONDS).hasOffset())
                    .isTrue();

            for (int id : cluster.brokerIds()) {
                if (id != leader) {
                    cluster.restartBroker(id);
                }
            }
            cluster.awaitInSync(topic);
            assertThat(all.send(new ProducerRecord<>(topic, "k", "after")).get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
        }
        List<String> values = values(cluster.readAll(topic, 3, Duration.ofSeconds(30)));
        assertThat(values).containsExactly("before", "leader-only", "after");
    }

    @Test
    void sendsFollowTheNewLeaderAfterTheOldOneStops() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = kafka.uniqueTopic("failover");
        cluster.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "2"));
        int leader = cluster.leaderOf(topic, 0);
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        try (Producer<String, String> producer = Producers.create(config("acks", "all", "linger.ms", 5))) {
            for (int i = 0; i < 100; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "k", "v" + i)));
            }
            producer.flush();
            cluster.stopBroker(leader);
            for (int i = 100; i < 200; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "k", "v" + i)));
            }
            producer.flush();
            for (CompletableFuture<RecordMetadata> f : sent) {
                assertThat(f.get().hasOffset()).isTrue();
            }
        }
        assertThat(cluster.leaderOf(topic, 0)).isNotEqualTo(leader);
        List<String> values = values(cluster.readAll(topic, 200, Duration.ofSeconds(30)));
        assertThat(values).hasSize(200).doesNotHaveDuplicates();
    }

    private static void awaitIsrSize(KafkaCluster cluster, String topic, int size) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            int isr = cluster.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().get(0).isr().size();
            if (isr == size) {
                return;
            }
            Thread.sleep(100); // waiting for the controller to fence the stopped brokers
        }
        throw new AssertionError("ISR of " + topic + " did not shrink to " + size);
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            out.add(new String(r.value(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
