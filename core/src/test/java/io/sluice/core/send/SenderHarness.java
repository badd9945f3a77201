package io.sluice.core.send;

import io.sluice.api.Node;
import io.sluice.api.RecordHeaders;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.core.accumulate.AccumulatorConfig;
import io.sluice.core.accumulate.AppendObserver;
import io.sluice.core.accumulate.BufferAllocator;
import io.sluice.core.accumulate.BufferPool;
import io.sluice.core.accumulate.PartitionLeaders;
import io.sluice.core.accumulate.PoolWaitRecorder;
import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.time.ExponentialBackoff;
import io.sluice.core.time.ManualTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A sender over a real accumulator, a scripted client and a manual clock, for unit tests. */
final class SenderHarness {

    static final Node BROKER_1 = new Node(1, "localhost", 9092);
    static final Node BROKER_2 = new Node(2, "localhost", 9093);

    final ManualTime time = new ManualTime();
    final ScriptedClient client = new ScriptedClient();
    final Map<TopicPartition, Node> leaders = new HashMap<>();
    final ProducerMetrics metrics = new ProducerMetrics(time, "test", 2, 30_000);
    final BufferPool pool;
    final RecordAccumulator accumulator;
    final Sender sender;
    int metadataRequests;
    /** What the cluster view reports as a standing authentication refusal. */
    io.sluice.api.errors.AuthenticationException standingRefusal;

    SenderHarness(short acks, int retries, long deliveryTimeoutMs, DeliveryGuarantee delivery) {
        this(acks, retries, deliveryTimeoutMs, delivery, BatchCompression.NONE);
    }

    SenderHarness(short acks, int retries, long deliveryTimeoutMs, DeliveryGuarantee delivery, BatchCompression compression) {
        this(acks, retries, deliveryTimeoutMs, delivery, compression, 0, SubMillisecondWait.Parker.SYSTEM);
    }

    /** A sender with {@code linger.ms} and a parker for its sub-millisecond waits (e.g. one that steps {@link #time}). */
    SenderHarness(short acks, int retries, long deliveryTimeoutMs, DeliveryGuarantee delivery, BatchCompression compression,
                  long lingerMs, SubMillisecondWait.Parker parker) {
        pool = new BufferPool(1 << 20, 16 * 1024, BufferAllocator.HEAP, time, PoolWaitRecorder.NONE);
        accumulator = new RecordAccumulator(new AccumulatorConfig(16 * 1024, lingerMs, deliveryTimeoutMs,
                new ExponentialBackoff(100, 2, 1000, 0.0, new Random(1)), compression, false, false, false), pool);
        sender = new Sender(client, accumulator, new Cluster(), delivery,
                new SenderConfig(acks, 1 << 20, 30_000, retries, deliveryTimeoutMs),
                new SenderMetrics(metrics), new io.sluice.core.intercept.Interceptors<>(java.util.List.of()),
                accumulator::splitAndReenqueue, time, parker);
    }

    SenderHarness lead(Node node, String topic, int partition) {
        leaders.put(new TopicPartition(topic, partition), node);
        client.leastLoaded = node;
        return this;
    }

    CompletableFuture<RecordMetadata> send(String topic, int partition, String value) {
        return accumulator.append(topic, partition, time.milliseconds(), null, value.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(), null, 0, AppendObserver.NONE, 0, time.monotonicMs());
    }

    /** The leaders map as the sender's cluster view. */
    private final class Cluster implements ClusterSource {
        @Override
        public PartitionLeaders leaders() {
            return new PartitionLeaders() {
                @Override
                public Node leaderFor(String topic, int partition) {
                    return leaders.get(new TopicPartition(topic, partition));
                }

                @Override
                public List<TopicPartition> partitionsLedBy(int nodeId) {
                    List<TopicPartition> out = new ArrayList<>();
                    leaders.forEach((tp, n) -> {
                        if (n.id() == nodeId) {
                            out.add(tp);
                        }
                    });
                    out.sort((a, b) -> a.toString().compareTo(b.toString()));
                    return out;
                }
            };
        }

        @Override
        public UUID topicId(String topic) {
            return null;
        }

        @Override
        public void requestUpdate(Set<String> topics) {
            metadataRequests++;
        }

        @Override
        public io.sluice.api.errors.AuthenticationException authenticationFailure() {
            return standingRefusal;
        }
    }
}
