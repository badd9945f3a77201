package io.sluice.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Topic and leadership questions for an in-process cluster, answered with the public Admin API, plus a direct
 * look at every broker's metadata cache after a topic is created ({@link BrokerMetadataProbe}).
 *
 * <p>Thread-safe: the Admin client is, and this class keeps no other state.
 */
final class TopicOperations {

    private final Admin admin;
    private final ClusterNodes nodes;

    TopicOperations(Admin admin, ClusterNodes nodes) {
        this.admin = admin;
        this.nodes = nodes;
    }

    /**
     * Creates {@code topic} and returns once every running broker's metadata cache lists all its partitions with a
     * leader, so a client bootstrapping from any broker finds it at once.
     */
    void create(String topic, int partitions, short replicationFactor, Map<String, String> configs, Duration timeout) {
        NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor).configs(configs);
        await(admin.createTopics(List.of(newTopic)).all(), timeout,
                "creating topic " + topic + " with " + partitions + " partitions, replication factor "
                        + replicationFactor + " and configs " + configs);
        for (int brokerId : nodes.brokerIds()) {
            InProcessNode broker = nodes.broker(brokerId);
            if (broker.isRunning()) {
                Await.untilTrue(timeout, "broker " + brokerId + " to know all " + partitions + " partitions of "
                        + topic + " with a leader", () -> notYetKnown(broker.spec(), topic, partitions));
            }
        }
        awaitLeadersServing(topic, partitions, timeout);
    }

    /**
     * Metadata names a leader a moment before that broker serves the partition; a produce request in
     * between gets NOT_LEADER_OR_FOLLOWER and a retry. ListOffsets goes to the leader and fails the same
     * way, so once it succeeds for every partition, producers' first requests are accepted.
     */
    private void awaitLeadersServing(String topic, int partitions, Duration timeout) {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> all = new java.util.HashMap<>();
        for (int p = 0; p < partitions; p++) {
            all.put(new org.apache.kafka.common.TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        Await.untilTrue(timeout, "the leaders of " + topic + " to serve its partitions", () -> {
            try {
                admin.listOffsets(all).all().get();
                return Optional.empty();
            } catch (java.util.concurrent.ExecutionException e) {
                return Optional.of(String.valueOf(e.getCause()));
            }
        });
    }

    /** The id of the current leader of the partition, or -1 if it has none right now. */
    int leaderOf(String topic, int partition, Duration timeout) {
        TopicPartitionInfo info = partitionInfo(topic, partition, timeout);
        Node leader = info.leader();
        return leader == null || leader.isEmpty() ? -1 : leader.id();
    }

    /** Waits until the partition has a leader other than {@code previousLeader}, and returns it. */
    int awaitNewLeader(String topic, int partition, int previousLeader, Duration timeout) {
        return Await.until(timeout, "a leader other than broker " + previousLeader + " for " + topic + "-" + partition,
                () -> {
                    int leader = leaderOf(topic, partition, timeout);
                    return leader >= 0 && leader != previousLeader
                            ? Await.Seen.done(leader) : Await.Seen.notYet("leader " + leader);
                });
    }

    /** Waits until every partition of {@code topic} has all its replicas in sync. */
    void awaitInSync(String topic, Duration timeout) {
        Await.untilTrue(timeout, "all replicas of " + topic + " to be in sync", () -> {
            for (TopicPartitionInfo info : describe(topic, timeout).partitions()) {
                if (!Set.copyOf(info.isr()).equals(Set.copyOf(info.replicas()))) {
                    return Optional.of("partition " + info.partition() + " has replicas " + ids(info.replicas())
                            + " but ISR " + ids(info.isr()));
                }
            }
            return Optional.empty();
        });
    }

    /** Waits until the cluster lists exactly the running brokers. */
    void awaitRegistered(Set<Integer> brokerIds, Duration timeout) {
        Await.untilTrue(timeout, "brokers " + brokerIds + " to be registered", () -> {
            Set<Integer> registered = await(admin.describeCluster().nodes(), timeout, "describing the cluster")
                    .stream().map(Node::id).collect(Collectors.toCollection(TreeSet::new));
            return registered.equals(brokerIds) ? Optional.empty() : Optional.of("brokers " + registered);
        });
    }

    private TopicPartitionInfo partitionInfo(String topic, int partition, Duration timeout) {
        TopicDescription description = describe(topic, timeout);
        return description.partitions().stream()
                .filter(info -> info.partition() == partition)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Topic " + topic + " has no partition " + partition
                        + "; it has " + description.partitions().size() + " partitions"));
    }

    private TopicDescription describe(String topic, Duration timeout) {
        return await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic), timeout,
                "describing topic " + topic);
    }

    private static Optional<String> notYetKnown(NodeSpec broker, String topic, int partitions) throws IOException {
        Map<Integer, Integer> leaders = BrokerMetadataProbe.leadersSeenBy(broker, topic);
        boolean ready = leaders.size() == partitions && leaders.values().stream().allMatch(leader -> leader >= 0);
        return ready ? Optional.empty() : Optional.of("partition leaders " + leaders);
    }

    private static String ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).collect(Collectors.toList()).toString();
    }

    static <T> T await(KafkaFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(FatalFaultGuard.withFault("Failed " + what + ": " + e.getCause()),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(FatalFaultGuard.withFault("Timed out after " + timeout + " " + what), e);
        }
    }
}
