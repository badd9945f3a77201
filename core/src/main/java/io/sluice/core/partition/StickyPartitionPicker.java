package io.sluice.core.partition;

import io.sluice.api.spi.TopicLayout;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Picks the partition that uniform sticky partitioning switches to (KIP-794, KAFKA-COMPAT.md (b) step 4).
 *
 * <ul>
 *   <li><b>Uniform</b>: a random partition among the available ones (those with a leader), or among
 *       all partitions if none is available.</li>
 *   <li><b>Adaptive</b> ({@code partitioner.adaptive.partitioning.enable=true}): once every partition of
 *       the topic has queue information, each available partition gets the weight
 *       {@code maxQueue + 1 - queuedBatches}, so a shorter queue is proportionally more likely. With
 *       {@code partitioner.availability.timeout.ms > 0}, partitions whose leader has been backlogged for
 *       longer than that are left out. If the weights are all equal and nothing was left out, or if
 *       everything was left out, the pick is uniform.</li>
 * </ul>
 *
 * <p>The weighted pick maps a random number exactly as Kafka's cumulative frequency table does:
 * queue sizes {@code 0 3 1} give weights {@code 4 1 3} and running sums {@code 4 5 8}; a random
 * {@code r} in {@code [0, 8)} selects the first partition whose running sum is strictly greater than
 * {@code r} (0-3 the first, 4 the second, 5-7 the third). Kafka builds that table once per readiness
 * pass and binary-searches it; here the layout is only known when a switch happens (once per
 * ~{@code batch.size} bytes), so building a table would already cost the O(n) walk a search saves.
 * The running sum is therefore walked in place: the same choice, and no array allocated.
 *
 * <p>Thread-safety: immutable; the random source must be thread-safe (the default is
 * {@link java.util.concurrent.ThreadLocalRandom}).
 */
final class StickyPartitionPicker {

    private final boolean adaptive;
    private final long availabilityTimeoutMs;
    private final IntSupplier random;

    StickyPartitionPicker(StickySettings settings, IntSupplier random) {
        this.adaptive = settings.adaptive();
        this.availabilityTimeoutMs = settings.availabilityTimeoutMs();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The partition to switch to; {@code layout} has at least one partition. */
    int next(TopicLayout layout) {
        int r = Murmur2.toPositive(random.getAsInt());
        if (adaptive) {
            int weighted = weightedPick(layout, r);
            if (weighted >= 0) {
                return weighted;
            }
        }
        return uniformPick(layout, r);
    }

    static int uniformPick(TopicLayout layout, int r) {
        int available = layout.availablePartitionCount();
        if (available > 0) {
            return layout.availablePartition(r % available);
        }
        return r % layout.partitionCount();
    }

    /** The weighted pick, or -1 when adaptive partitioning does not apply and the pick must be uniform. */
    int weightedPick(TopicLayout layout, int r) {
        int count = layout.partitionCount();
        if (count < 2 || !everyPartitionHasQueueInfo(layout, count)) {
            return -1;
        }
        int available = layout.availablePartitionCount();
        int candidates = 0;
        int minQueue = Integer.MAX_VALUE;
        int maxQueue = -1;
        long queueSum = 0;
        for (int i = 0; i < available; i++) {
            int p = layout.availablePartition(i);
            if (!isExcluded(layout, p)) {
                int q = layout.queuedBatches(p);
                minQueue = Math.min(minQueue, q);
                maxQueue = Math.max(maxQueue, q);
                queueSum += q;
                candidates++;
            }
        }
        if (candidates == 0 || (minQueue == maxQueue && candidates == count)) {
            return -1; // everything excluded, or all equal with nothing left out: uniform
        }
        long total = (long) candidates * (maxQueue + 1) - queueSum;
        return walkRunningSum(layout, maxQueue + 1, r % total);
    }

    /** The first candidate whose running sum of weights {@code maxQueuePlus1 - queuedBatches} exceeds {@code target}. */
    private int walkRunningSum(TopicLayout layout, int maxQueuePlus1, long target) {
        int available = layout.availablePartitionCount();
        long runningSum = 0;
        int last = -1;
        for (int i = 0; i < available; i++) {
            int p = layout.availablePartition(i);
            if (!isExcluded(layout, p)) {
                runningSum += maxQueuePlus1 - layout.queuedBatches(p);
                if (runningSum > target) {
                    return p;
                }
                last = p;
            }
        }
        return last; // reached only if the layout changed between the walks (it must not: one snapshot per call)
    }

    private boolean isExcluded(TopicLayout layout, int partition) {
        return availabilityTimeoutMs > 0 && layout.leaderBacklogMs(partition) > availabilityTimeoutMs;
    }

    /**
     * Kafka starts adaptive partitioning only once every partition has a queue entry: a partition the
     * statistics do not know could otherwise never be chosen.
     */
    private static boolean everyPartitionHasQueueInfo(TopicLayout layout, int count) {
        for (int p = 0; p < count; p++) {
            if (layout.queuedBatches(p) < 0) {
                return false;
            }
        }
        return true;
    }
}
