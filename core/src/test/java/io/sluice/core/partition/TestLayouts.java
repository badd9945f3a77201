package io.sluice.core.partition;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/** Layouts and random sources for the partitioning tests. */
final class TestLayouts {

    static final String TOPIC = "orders";

    private TestLayouts() {
    }

    /** {@code count} partitions of {@link #TOPIC}, all led by broker {@code p % 3}, except those listed as leaderless. */
    static ImmutableTopicLayout layout(int count, int... leaderless) {
        List<PartitionInfo> partitions = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            final int partition = p;
            boolean hasLeader = Arrays.stream(leaderless).noneMatch(l -> l == partition);
            Node leader = hasLeader ? new Node(p % 3, "broker" + (p % 3), 9092) : null;
            List<Node> replicas = leader == null ? List.of() : List.of(leader);
            partitions.add(new PartitionInfo(TOPIC, p, leader, replicas, replicas, List.of()));
        }
        return ImmutableTopicLayout.of(TOPIC, partitions);
    }

    /** A random source that answers {@code values} in turn, then starts over. */
    static IntSupplier sequence(int... values) {
        int[] next = {0};
        return () -> values[next[0]++ % values.length];
    }
}
