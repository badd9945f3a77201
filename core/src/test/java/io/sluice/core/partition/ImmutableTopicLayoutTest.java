package io.sluice.core.partition;

import static io.sluice.core.partition.TestLayouts.TOPIC;
import static io.sluice.core.partition.TestLayouts.layout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImmutableTopicLayoutTest {

    @Test
    void shouldCountAllPartitionsAndListOnlyThoseWithALeaderAsAvailableInAscendingOrder() {
        ImmutableTopicLayout layout = layout(5, 0, 3);

        assertThat(layout.topic()).isEqualTo(TOPIC);
        assertThat(layout.partitionCount()).isEqualTo(5);
        assertThat(layout.availablePartitionCount()).isEqualTo(3);
        assertThat(new int[] {layout.availablePartition(0), layout.availablePartition(1), layout.availablePartition(2)})
                .containsExactly(1, 2, 4);
        assertThat(layout.isAvailable(0)).isFalse();
        assertThat(layout.isAvailable(4)).isTrue();
        assertThat(layout.isAvailable(5)).isFalse();
        assertThat(layout.leader(3)).isNull();
        assertThat(layout.leader(4)).isEqualTo(new Node(1, "broker1", 9092));
        assertThat(layout.partitions()).extracting(PartitionInfo::partition).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldSortPartitionsGivenInAnyOrder() {
        Node leader = new Node(1, "b", 9092);
        ImmutableTopicLayout layout = ImmutableTopicLayout.of(TOPIC, List.of(info(2, leader), info(0, null), info(1, leader)));

        assertThat(layout.availablePartition(0)).isEqualTo(1);
        assertThat(layout.availablePartition(1)).isEqualTo(2);
    }

    @Test
    void shouldReportUnknownQueuesAndNoBacklogUntilLoadIsGiven() {
        ImmutableTopicLayout layout = layout(2);
        ImmutableTopicLayout loaded = layout.withLoad(new int[] {3, 0}, new long[] {0, 250});

        assertThat(layout.queuedBatches(1)).isEqualTo(-1);
        assertThat(layout.leaderBacklogMs(1)).isZero();
        assertThat(loaded.queuedBatches(0)).isEqualTo(3);
        assertThat(loaded.leaderBacklogMs(1)).isEqualTo(250);
        assertThat(loaded.availablePartitionCount()).isEqualTo(2);
    }

    @Test
    void shouldCopyLoadArraysSoLaterChangesDoNotLeakIn() {
        int[] queues = {1, 1};
        ImmutableTopicLayout loaded = layout(2).withLoad(queues, null);
        queues[0] = 99;

        assertThat(loaded.queuedBatches(0)).isEqualTo(1);
    }

    @Test
    void shouldRejectPartitionNumbersWithGapsNamingTheTopicAndNumbers() {
        assertThatThrownBy(() -> ImmutableTopicLayout.of(TOPIC, List.of(info(0, null), info(2, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"orders\"").hasMessageContaining("[0, 2]").hasMessageContaining("0..1");
    }

    @Test
    void shouldRejectAPartitionOfAnotherTopic() {
        PartitionInfo foreign = new PartitionInfo("payments", 0, null, List.of(), List.of(), List.of());

        assertThatThrownBy(() -> ImmutableTopicLayout.of(TOPIC, List.of(foreign)))
                .hasMessageContaining("payments").hasMessageContaining("orders");
    }

    @Test
    void shouldRejectLoadArraysOfTheWrongLength() {
        assertThatThrownBy(() -> layout(3).withLoad(new int[2], null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queuedBatches has 2 entries").hasMessageContaining("3 partitions");
    }

    private static PartitionInfo info(int partition, Node leader) {
        List<Node> replicas = leader == null ? List.of() : List.of(leader);
        return new PartitionInfo(TOPIC, partition, leader, replicas, replicas, List.of());
    }
}
