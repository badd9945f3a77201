package io.sluice.core.accumulate;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Decides which brokers have something to send, as Kafka's {@code RecordAccumulator.ready}: a
 * partition's first batch is sendable when it is full (or not the last), when {@code linger.ms}
 * has passed since it was created, when threads wait for memory, when a flush or close asks — but
 * not while it waits out a retry backoff, and not while its partition is muted.
 *
 * <p>On the way it measures each partition's queue and each broker's backlog and publishes them for
 * adaptive partitioning. Sender thread only, except the mute set (concurrent).
 */
final class ReadinessCheck {

    private final AccumulatorConfig config;
    private final BufferPool pool;
    private final Collection<TopicQueues> topics;
    private final BooleanSupplier flushing;
    private final BooleanSupplier closing;
    private final Set<TopicPartition> muted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Per broker: when it last had a sendable batch, and when it was last drained (sender thread). */
    private final Map<Integer, long[]> nodeTimes = new HashMap<>();

    ReadinessCheck(AccumulatorConfig config, BufferPool pool, Collection<TopicQueues> topics, BooleanSupplier flushing,
                   BooleanSupplier closing) {
        this.config = config;
        this.pool = pool;
        this.topics = topics;
        this.flushing = flushing;
        this.closing = closing;
    }

    ReadyResult check(PartitionLeaders leaders, long nowMs) {
        Set<Node> ready = new HashSet<>();
        Set<String> unknownLeaders = new HashSet<>();
        long nextDelay = Long.MAX_VALUE;
        boolean urgent = pool.queued() > 0 || flushing.getAsBoolean() || closing.getAsBoolean();
        for (TopicQueues tq : topics) {
            PartitionQueue[] queues = tq.all();
            int[] sizes = new int[queues.length];
            long[] backlog = new long[queues.length];
            for (int p = 0; p < queues.length; p++) {
                PartitionQueue q = queues[p];
                sizes[p] = -1;
                if (q == null) {
                    continue;
                }
                ProducerBatch first;
                int size;
                synchronized (q) {
                    first = q.batches.peekFirst();
                    size = q.batches.size();
                }
                sizes[p] = size;
                if (first == null) {
                    continue;
                }
                Node leader = leaders.leaderFor(tq.topic, p);
                if (leader == null) {
                    unknownLeaders.add(tq.topic);
                    continue;
                }
                backlog[p] = backlogMs(leader.id());
                if (ready.contains(leader) || muted.contains(q.topicPartition)) {
                    continue;
                }
                long delay = delayUntilSendable(first, size, urgent, nowMs);
                if (delay == 0) {
                    ready.add(leader);
                    markReady(leader.id(), nowMs);
                } else {
                    nextDelay = Math.min(nextDelay, delay);
                }
            }
            tq.load.queuedBatches = sizes;
            tq.load.leaderBacklogMs = backlog;
        }
        return new ReadyResult(ready, nextDelay, unknownLeaders);
    }

    /** 0 if the batch may be sent now, else how long until it may. */
    private long delayUntilSendable(ProducerBatch first, int queueSize, boolean urgent, long nowMs) {
        if (first.isBackingOff(nowMs)) {
            return Math.max(1, first.backoffEndsMs() - nowMs);
        }
        if (first.isBeingSealed()) {
            return 1; // a user thread is compressing it right now
        }
        boolean full = queueSize > 1 || first.isFull();
        long waited = nowMs - (first.inRetry() ? first.lastAttemptMs() : first.createdMs());
        long lingerLeft = config.lingerMs() - waited;
        if (full || urgent || lingerLeft <= 0 || first.inRetry()) {
            return 0;
        }
        return lingerLeft;
    }

    void onDrained(int nodeId, long nowMs) {
        nodeTimes.computeIfAbsent(nodeId, id -> new long[2])[1] = nowMs;
    }

    private void markReady(int nodeId, long nowMs) {
        long[] t = nodeTimes.computeIfAbsent(nodeId, id -> new long[] {nowMs, nowMs});
        t[0] = nowMs;
    }

    /** How long the broker has had data it could not take: last ready time minus last drain time. */
    private long backlogMs(int nodeId) {
        long[] t = nodeTimes.get(nodeId);
        return t == null ? 0 : Math.max(0, t[0] - t[1]);
    }

    void mute(TopicPartition tp) {
        muted.add(tp);
    }

    void unmute(TopicPartition tp) {
        muted.remove(tp);
    }

    boolean isMuted(TopicPartition tp) {
        return muted.contains(tp);
    }
}
