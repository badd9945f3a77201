package io.sluice.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;

/**
 * The cluster the fault tests share: three brokers behind fault proxies, one controller, fast fail-over,
 * {@code min.insync.replicas=2}; and the checks they make after a run.
 */
final class ProxiedCluster {

    static final int PARTITIONS = 3;

    private ProxiedCluster() {
    }

    static KafkaClusterExtension extension() {
        return KafkaClusterExtension.of(KafkaCluster.builder().brokers(3).fastFailover()
                .property("min.insync.replicas", "2").withFaultProxies());
    }

    /** A new topic with 3 partitions, replication factor 3 and {@code min.insync.replicas=2}. */
    static String createTopic(KafkaClusterExtension kafka, String hint) {
        String topic = kafka.uniqueTopic(hint);
        kafka.cluster().createTopic(topic, PARTITIONS, 3, Map.of("min.insync.replicas", "2"));
        return topic;
    }

    /** Flushes and closes the workload, reads the topic back past the proxies, and says what was delivered. */
    static DeliveryReport finish(KafkaCluster cluster, IdempotentWorkload workload, String topic) {
        try (workload) {
            workload.flush();
        }
        DeliveryReport report = workload.verify(cluster.readAll(topic, workload.acked(), Duration.ofSeconds(60)));
        System.out.println(topic + ": " + report);
        return report;
    }

    /**
     * Every record acknowledged (the faults were short; the producer retries for 2 minutes), read back exactly
     * once, in order within its partition.
     */
    static void assertEveryRecordOnceInOrder(DeliveryReport report) {
        assertThat(report.lost()).as("lost: %s", report).isZero();
        assertThat(report.duplicated()).as("duplicated: %s", report).isZero();
        assertThat(report.reordered()).as("reordered: %s", report).isZero();
        assertThat(report.misplaced()).as("misplaced: %s", report).isZero();
        assertThat(report.failed()).as("failed sends: %s", report).isZero();
        assertThat(report.acked()).as("acknowledged: %s", report).isEqualTo(report.sent());
        assertThat(report.read()).as("read: %s", report).isEqualTo(report.sent());
    }
}
