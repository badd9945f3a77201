package io.sluice.it.reliability;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a Sluice workload from several threads against the proxied three-broker cluster while faults are
 * injected, then reads everything back with the official consumer. Shared by the short fault test of
 * the default build and the soak of the {@code faults} profile.
 */
final class FaultRun {

    static final int PARTITIONS = 6;

    private FaultRun() {
    }

    static KafkaClusterExtension cluster() {
        return KafkaClusterExtension.of(KafkaCluster.builder().brokers(3).fastFailover()
                .property("min.insync.replicas", "2").withFaultProxies());
    }

    static String createTopic(KafkaClusterExtension kafka, String hint) {
        String topic = kafka.uniqueTopic(hint);
        kafka.cluster().createTopic(topic, PARTITIONS, 3, Map.of("min.insync.replicas", "2"));
        return topic;
    }

    /**
     * Sends {@code threads * perThread} records in chunks; between chunks each thread calls
     * {@code betweenChunks} (from thread 0 only) so faults land while records are in flight.
     */
    static void sendConcurrently(SluiceWorkload workload, int threads, int perThread, int chunk, Runnable betweenChunks)
            throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            int lane = t;
            Thread w = new Thread(() -> {
                try {
                    for (int sent = 0; sent < perThread; sent += chunk) {
                        workload.send(lane * perThread + sent, Math.min(chunk, perThread - sent));
                        if (lane == 0) {
                            betweenChunks.run();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "workload-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a sending thread failed", failure.get());
        }
    }

    static DeliveryReport finish(KafkaCluster cluster, SluiceWorkload workload, String topic, int laneBlock,
                                 Map<String, Long> faults) {
        try (workload) {
            workload.flush();
        }
        DeliveryReport report = workload.verify(cluster.readAll(topic, (int) workload.acked(), Duration.ofSeconds(120)),
                laneBlock, faults);
        System.out.println("Sluice under faults, " + topic + ": " + report);
        return report;
    }
}
