package io.sluice.core.accumulate;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    private static final int READY_MS = 0;
    private static final int DRAINED_MS = 1;
    private static final int READY_IN_CHECK = 2;

    private final AccumulatorConfig config;
    private final BufferPool pool;
    private final Collection<TopicQueues> topics;
    private final BooleanSupplier flushing;
    private final BooleanSupplier closing;
    private final Set<TopicPartition> muted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * Per broker: when it last had a sendable batch, when it was last drained, and the number of the
     * last check that found it ready (sender thread).
     */
    private final Map<Integer, long[]> nodeTimes = new HashMap<>();
    /** Numbers the checks, so that a broker found ready in this one is known by its id (sender thread). */
    private long checkNumber;

    ReadinessCheck(AccumulatorConfig config, BufferPool pool, Collection<TopicQueues> topics, BooleanSupplier flushing,
                   BooleanSupplier closing) {
        this.config = config;
        this.pool = pool;
        this.topics = topics;
        this.flushing = flushing;
        this.closing = closing;
    }

    ReadyResult check(PartitionLeaders leaders, long nowMs) {
        // Brokers are told apart by id (in nodeTimes), never by hashing a Node: Node is a record, and its
        // generated hashCode runs through method handles whose profile is shared with other records; their
        // non-null fields let C2 assume a non-null rack, and a Node without one then made it recompile this.
        long check = ++checkNumber;
        List<Node> ready = new ArrayList<>();
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
                long[] times = nodeTimes.get(leader.id());
                backlog[p] = backlogMs(times);
                if ((times != null && times[READY_IN_CHECK] == check) || muted.contains(q.topicPartition)) {
                    continue;
                }
                long delay = delayUntilSendable(first, size, urgent, nowMs);
                if (delay == 0) {
                    ready.add(leader);
                    markReady(times, leader.id(), nowMs)[READY_IN_CHECK] = check;
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
        nodeTimes.computeIfAbsent(nodeId, id -> new long[3])[DRAINED_MS] = nowMs;
    }

    /** @param times the broker's entry in {@link #nodeTimes}, or null if it has none yet; returns the entry */
    private long[] markReady(long[] times, int nodeId, long nowMs) {
        if (times == null) {
            long[] fresh = {nowMs, nowMs, 0};
            nodeTimes.put(nodeId, fresh);
            return fresh;
        }
        times[READY_MS] = nowMs;
        return times;
    }

    /** How long the broker has had data it could not take: last ready time minus last drain time. */
    private static long backlogMs(long[] times) {
        return times == null ? 0 : Math.max(0, times[READY_MS] - times[DRAINED_MS]);
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
