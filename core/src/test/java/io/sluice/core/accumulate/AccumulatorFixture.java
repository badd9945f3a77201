package io.sluice.core.accumulate;

import io.sluice.api.Node;
import io.sluice.api.RecordHeaders;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.time.ExponentialBackoff;
import io.sluice.core.time.ManualTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An accumulator over a real buffer pool with a manual clock and a fixed leader map, for tests. */
final class AccumulatorFixture {

    final ManualTime time = new ManualTime();
    final BufferPool pool;
    final RecordAccumulator accumulator;
    final Leaders leaders = new Leaders();

    AccumulatorFixture(int batchSize, long lingerMs, long bufferMemory, boolean incremental) {
        this(batchSize, lingerMs, bufferMemory, incremental, BatchCompression.NONE, 120_000);
    }

    AccumulatorFixture(int batchSize, long lingerMs, long bufferMemory, boolean incremental, BatchCompression compression,
                       long deliveryTimeoutMs) {
        pool = new BufferPool(bufferMemory, batchSize, BufferAllocator.HEAP, time, PoolWaitRecorder.NONE);
        AccumulatorConfig config = new AccumulatorConfig(batchSize, lingerMs, deliveryTimeoutMs,
                new ExponentialBackoff(100, 2, 1000, 0.0, new java.util.Random(1)), compression, incremental, false, false);
        accumulator = new RecordAccumulator(config, pool);
    }

    CompletableFuture<RecordMetadata> append(String topic, int partition, String value) {
        return accumulator.append(topic, partition, time.milliseconds(), null, value.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(), null, 1000, AppendObserver.NONE, 0, time.monotonicMs());
    }

    /** Appends a record sent without a future: {@code listener} is told its outcome with {@code tag}. */
    boolean append(String topic, int partition, String value, io.sluice.api.DeliveryListener listener, long tag) {
        return accumulator.append(accumulator.topic(topic), partition, time.milliseconds(), null,
                value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), listener, tag, 1000, AppendObserver.NONE, 0,
                time.monotonicMs());
    }

    ReadyResult ready() {
        return accumulator.ready(leaders, time.monotonicMs());
    }

    Map<Integer, List<ProducerBatch>> drainAll(int maxRequestSize) {
        return accumulator.drain(leaders, ready().readyNodes(), maxRequestSize, RecordAccumulator.BatchStamper.NONE,
                FAIL_ON_UNPREPARED, time.monotonicMs());
    }

    /** For drains in tests that expect every batch to be prepared. */
    static final RecordAccumulator.UnpreparedBatches FAIL_ON_UNPREPARED = (batch, cause) -> {
        throw new AssertionError("unexpected: " + batch + " could not be prepared", cause);
    };

    /** Completes a drained batch successfully at {@code baseOffset} and frees it. */
    void acknowledge(ProducerBatch batch, long baseOffset) {
        batch.complete(ProducerBatch.FinalState.SUCCEEDED, baseOffset, -1, null, new io.sluice.core.intercept.Interceptors<>(java.util.List.of()));
        accumulator.release(batch);
    }

    /** A fixed map of partition leaders. */
    static final class Leaders implements PartitionLeaders {
        final Map<TopicPartition, Node> leaders = new HashMap<>();

        Leaders lead(Node node, String topic, int... partitions) {
            for (int p : partitions) {
                leaders.put(new TopicPartition(topic, p), node);
            }
            return this;
        }

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
    }
}
