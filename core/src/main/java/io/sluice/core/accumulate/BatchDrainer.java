package io.sluice.core.accumulate;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

/**
 * Takes batches out of the queues for the brokers that are ready, Kafka's {@code drain}: per
 * broker, the first batch of every partition it leads, whether or not that batch is "ready" itself
 * (piggybacking on the request that goes anyway), starting one partition further each time so no
 * partition starves, up to {@code max.request.size} per broker. Sender thread only.
 */
final class BatchDrainer {

    private final ConcurrentMap<String, TopicQueues> topics;
    private final ReadinessCheck readiness;
    private final boolean muteOnDrain;
    /** Set by {@link #takeFirst} when the next batch would overflow the request. */
    private boolean requestFull;
    /** Per broker: where the next drain starts in its partition list. */
    private final Map<Integer, Integer> drainIndex = new HashMap<>();

    /**
     * @param muteOnDrain keep a partition's next batch back while one is in flight
     *                    ({@code max.in.flight.requests.per.connection=1} keeps order across retries)
     */
    BatchDrainer(ConcurrentMap<String, TopicQueues> topics, ReadinessCheck readiness, boolean muteOnDrain) {
        this.topics = topics;
        this.readiness = readiness;
        this.muteOnDrain = muteOnDrain;
    }

    Map<Integer, List<ProducerBatch>> drain(PartitionLeaders leaders, Collection<Node> nodes, int maxRequestSize,
                                            RecordAccumulator.BatchStamper stamper,
                                            RecordAccumulator.UnpreparedBatches unprepared, long nowMs) {
        Map<Integer, List<ProducerBatch>> out = new HashMap<>();
        for (Node node : nodes) {
            List<ProducerBatch> batches = drainNode(leaders.partitionsLedBy(node.id()), node.id(), maxRequestSize, stamper,
                    unprepared, nowMs);
            if (!batches.isEmpty()) {
                out.put(node.id(), batches);
                readiness.onDrained(node.id(), nowMs);
            }
        }
        return out;
    }

    private List<ProducerBatch> drainNode(List<TopicPartition> partitions, int nodeId, int maxRequestSize,
                                          RecordAccumulator.BatchStamper stamper,
                                          RecordAccumulator.UnpreparedBatches unprepared, long nowMs) {
        List<ProducerBatch> ready = new ArrayList<>();
        int n = partitions.size();
        if (n == 0) {
            return ready;
        }
        int start = drainIndex.getOrDefault(nodeId, 0) % n;
        int size = 0;
        int i = start;
        requestFull = false;
        do {
            TopicPartition tp = partitions.get(i);
            ProducerBatch taken = takeFirst(tp, size, maxRequestSize, ready.isEmpty(), stamper, unprepared, nowMs);
            if (requestFull) {
                break; // this partition goes first next time
            }
            i = (i + 1) % n;
            if (taken != null) {
                ready.add(taken);
                size += taken.estimatedSizeInBytes();
                if (muteOnDrain) {
                    readiness.mute(tp);
                }
            }
        } while (i != start);
        drainIndex.put(nodeId, i);
        return ready;
    }

    private ProducerBatch takeFirst(TopicPartition tp, int sizeSoFar, int maxRequestSize, boolean firstInRequest,
                                    RecordAccumulator.BatchStamper stamper,
                                    RecordAccumulator.UnpreparedBatches unprepared, long nowMs) {
        TopicQueues tq = topics.get(tp.topic());
        PartitionQueue q = tq == null ? null : tq.existing(tp.partition());
        if (q == null || readiness.isMuted(tp)) {
            return null;
        }
        ProducerBatch taken;
        RuntimeException cause = null;
        synchronized (q) {
            ProducerBatch first = q.batches.peekFirst();
            if (first == null || first.isBackingOff(nowMs) || first.isBeingSealed()) {
                return null;
            }
            try {
                if (!stamper.mayDrain(first)) {
                    return null;
                }
            } catch (RuntimeException e) {
                // Thrown here, it would leave the drain and lose every batch already taken this round;
                // left in its queue, the batch would throw again every round. It fails instead.
                cause = e;
            }
            if (cause == null && !firstInRequest && sizeSoFar + first.estimatedSizeInBytes() > maxRequestSize) {
                requestFull = true;
                return null;
            }
            taken = q.batches.pollFirst();
        }
        if (cause == null) {
            return taken;
        }
        unprepared.onUnprepared(taken, cause); // outside the queue lock: it completes the records
        return null;
    }
}
