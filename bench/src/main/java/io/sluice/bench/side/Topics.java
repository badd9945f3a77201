package io.sluice.bench.side;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * A fresh topic per run (so that the record count of a run can be checked from end offsets) and its
 * deletion afterwards (so that tens of runs do not fill the disk), through the official Admin client.
 * Used by the benchmark's main thread.
 */
final class Topics implements AutoCloseable {

    private final Admin admin;

    Topics(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Creates the topic and waits until every partition has a leader. */
    void create(String topic, int partitions) throws ExecutionException, InterruptedException, TimeoutException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
                if (d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null)) {
                    return;
                }
            } catch (ExecutionException e) {
                // not known yet: ask again
            }
            Thread.sleep(100);
        }
        throw new TimeoutException("Topic " + topic + " has no leader for every partition after 60 s");
    }

    /** Sum of the partitions' end offsets: the records a run wrote into its own topic. */
    long recordCount(String topic, int partitions) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get(60, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    void delete(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        admin.deleteTopics(Set.of(topic)).all().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close();
    }
}
