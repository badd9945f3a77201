package io.sluice.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import io.sluice.core.metadata.Cluster;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.protocol.ProduceResponse;
import io.sluice.core.protocol.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The end-to-end check shared by the broker versions: connect and negotiate through Sluice's
 * network client, fetch metadata for two topics, send ONE Produce request holding a batch for every
 * partition of both, check the offsets in the response, and read every record back with the official
 * {@link KafkaConsumer}: key, value, headers, timestamp, partition and offset. Used from the test thread.
 */
final class ProduceRoundTrip {

    private ProduceRoundTrip() {
    }

    /** Creates {@code partitions} partitions per topic with Kafka's admin client (replication factor 1). */
    static void createTopics(String bootstrap, Map<String, Integer> partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(partitions.entrySet().stream().map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .collect(Collectors.toList())).all().get();
            awaitLeadersServing(admin, partitions);
        }
    }

    /**
     * Metadata names a leader a moment before that broker serves the partition; a raw produce request
     * in between gets NOT_LEADER_OR_FOLLOWER. ListOffsets goes to the leader and fails the same way,
     * so once it succeeds for every partition, the leaders serve.
     */
    private static void awaitLeadersServing(Admin admin, Map<String, Integer> partitions) throws Exception {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> all = new HashMap<>();
        partitions.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                all.put(new org.apache.kafka.common.TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
        });
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.listOffsets(all).all().get();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50); // the broker is still taking leadership
            }
        }
    }

    /** Runs the whole round trip; returns the Produce version used. */
    static short run(WireClient wire, String bootstrap, List<String> topics, short maxProduceVersion) {
        for (String topic : topics) {
            wire.awaitTopic(topic);
        }
        Cluster cluster = wire.metadata.cluster();
        assertThat(cluster.isBootstrap()).isFalse();
        Node leader = cluster.leaderFor(topics.get(0), 0);
        for (String topic : topics) {
            for (int p = 0; p < cluster.partitionCount(topic); p++) {
                assertThat(cluster.leaderFor(topic, p)).as("one broker leads everything").isEqualTo(leader);
            }
        }
        long baseTimestamp = 1_700_000_000_000L;
        SentBatches sent = SentBatches.forTopics(cluster, topics, 4, baseTimestamp);
        assertThat(sent.batches).hasSizeGreaterThan(3);

        short[] version = new short[1];
        ClientResponse outcome = wire.roundTrip(leader, nowMs -> {
            boolean idsKnown = topics.stream().noneMatch(t -> Uuids.isZero(cluster.topicId(t)));
            short cap = idsKnown ? maxProduceVersion : (short) Math.min(maxProduceVersion, ProduceRequest.LAST_VERSION_WITH_TOPIC_NAMES);
            version[0] = wire.client.apiVersion(leader.id(), ApiKeys.PRODUCE, cap);
            return new ClientRequest(leader.id(), ApiKeys.PRODUCE, version[0], sent.request(cluster, (short) -1), true, nowMs,
                    30_000, response -> { });
        });
        assertThat(outcome.failure()).isNull();
        Map<TopicPartition, Long> baseOffsets = baseOffsets((ProduceResponse) outcome.body(), cluster);
        assertThat(baseOffsets).containsOnlyKeys(sent.batches.keySet());
        readBackWithKafkasConsumer(bootstrap, sent, baseOffsets);
        return version[0];
    }

    private static Map<TopicPartition, Long> baseOffsets(ProduceResponse response, Cluster cluster) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (ProduceResponse.TopicResponse topic : response.topics()) {
            String name = topic.name() != null && !topic.name().isEmpty() ? topic.name() : cluster.topicName(topic.topicId());
            for (ProduceResponse.PartitionResponse partition : topic.partitions()) {
                assertThat(partition.errorCode()).as("error for %s-%d: %s", name, partition.index(), partition.errorMessage()).isZero();
                assertThat(partition.baseOffset()).isNotNegative();
                offsets.put(new TopicPartition(name, partition.index()), partition.baseOffset());
            }
        }
        return offsets;
    }

    private static void readBackWithKafkasConsumer(String bootstrap, SentBatches sent, Map<TopicPartition, Long> baseOffsets) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = sent.batches.keySet().stream()
                    .map(tp -> new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition())).toList();
            consumer.assign(partitions);
            for (org.apache.kafka.common.TopicPartition tp : partitions) {
                consumer.seek(tp, baseOffsets.get(new TopicPartition(tp.topic(), tp.partition())));
            }
            Map<String, ConsumerRecord<String, String>> byKey = new HashMap<>();
            long guard = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (byKey.size() < sent.records.size() && System.nanoTime() < guard) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    byKey.put(record.key(), record);
                }
            }
            assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(sent.records.stream().map(SentBatches.Sent::key).toList());
            for (SentBatches.Sent expected : sent.records) {
                ConsumerRecord<String, String> read = byKey.get(expected.key());
                assertThat(read.topic()).isEqualTo(expected.tp().topic());
                assertThat(read.partition()).isEqualTo(expected.tp().partition());
                assertThat(read.offset()).isEqualTo(baseOffsets.get(expected.tp()) + expected.indexInBatch());
                assertThat(read.value()).isEqualTo(expected.value());
                assertThat(read.timestamp()).isEqualTo(expected.timestamp());
                assertThat(read.timestampType()).isEqualTo(org.apache.kafka.common.record.TimestampType.CREATE_TIME);
                List<String> headerKeys = new ArrayList<>();
                read.headers().forEach(h -> headerKeys.add(h.key()));
                assertThat(headerKeys).containsExactly("trace", "empty");
                assertThat(new String(read.headers().lastHeader("trace").value(), StandardCharsets.UTF_8)).isEqualTo(expected.traceHeader());
                assertThat(read.headers().lastHeader("empty").value()).isEmpty();
            }
        }
    }

    static Set<Integer> leaders(Cluster cluster, List<String> topics) {
        return topics.stream().flatMap(t -> cluster.partitionsForTopic(t).stream()).map(p -> p.leader().id()).collect(Collectors.toSet());
    }
}
