package io.sluice.testkit.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure the demo's topic exists (created with the broker's default replication factor when missing) and
 * returns each partition's end offset, from which the read-back starts: a topic reused from an earlier run keeps
 * its old records out of the count. Stateless.
 */
final class DemoTopicCreator {

    private DemoTopicCreator() {
    }

    static Map<Integer, Long> create(String bootstrap, String topic, int partitions, Duration timeout, PrintStream out) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "sluice-demo-admin");
        try (Admin admin = Admin.create(props)) {
            TopicDescription description = describe(admin, topic, bootstrap, timeout);
            if (description == null) {
                createTopic(admin, topic, partitions, bootstrap, timeout);
                description = awaitPartitions(admin, topic, bootstrap, timeout);
                out.println("Created topic " + topic + " with " + description.partitions().size() + " partitions");
            } else {
                out.println("Topic " + topic + " exists with " + description.partitions().size()
                        + " partitions; only records written from now on are checked");
            }
            return endOffsets(admin, description, bootstrap, timeout);
        }
    }

    /** The topic's description, or null if it does not exist. */
    private static TopicDescription describe(Admin admin, String topic, String bootstrap, Duration timeout) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw failure("describing topic " + topic, bootstrap, timeout, e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw failure("describing topic " + topic, bootstrap, timeout, e);
        }
    }

    private static void createTopic(Admin admin, String topic, int partitions, String bootstrap, Duration timeout) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("creating topic " + topic, bootstrap, timeout, e.getCause());
            }
        } catch (TimeoutException | InterruptedException e) {
            throw failure("creating topic " + topic, bootstrap, timeout, e);
        }
    }

    private static TopicDescription awaitPartitions(Admin admin, String topic, String bootstrap, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TopicDescription d = describe(admin, topic, bootstrap, timeout);
            if (d != null && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return d;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DemoTopic.DemoStepException("Topic " + topic + " was created at " + bootstrap
                        + " but its partitions have no leader after " + timeout.toMillis() + " ms; check the brokers");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw failure("waiting for topic " + topic, bootstrap, timeout, e);
            }
        }
    }

    private static Map<Integer, Long> endOffsets(Admin admin, TopicDescription description, String bootstrap,
                                                 Duration timeout) {
        Map<TopicPartition, OffsetSpec> request = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
        description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()),
                OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<Integer, Long> offsets = new TreeMap<>();
            ends.forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
            return offsets;
        } catch (ExecutionException e) {
            throw failure("reading the end offsets of " + description.name(), bootstrap, timeout, e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw failure("reading the end offsets of " + description.name(), bootstrap, timeout, e);
        }
    }

    private static DemoTopic.DemoStepException failure(String what, String bootstrap, Duration timeout, Throwable cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        boolean timedOut = cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        return new DemoTopic.DemoStepException((timedOut
                ? "Cannot reach Kafka at " + bootstrap + ": no answer within " + timeout.toMillis() + " ms while " + what
                + ". Check --bootstrap-server (host:port of a broker's listener, reachable from here), or leave it out "
                + "and bin/sluice-demo starts a local broker."
                : "Kafka at " + bootstrap + " refused " + what + ": " + cause));
    }
}
