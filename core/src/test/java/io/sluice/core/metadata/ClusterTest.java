package io.sluice.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.TopicPartition;
import io.sluice.api.spi.TopicLayout;
import io.sluice.core.protocol.Uuids;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClusterTest {

    static final Node N1 = new Node(1, "broker-1", 9092, "rack-a");
    static final Node N2 = new Node(2, "broker-2", 9092);
    static final UUID ORDERS_ID = UUID.fromString("2f7b2c58-2c9e-4f0b-9d0e-5b1f7c3d9a10");

    static PartitionState partition(String topic, int p, int leader, int epoch, int... replicas) {
        return new PartitionState(new TopicPartition(topic, p), leader, epoch, replicas, replicas, new int[0]);
    }

    static Cluster twoTopics() {
        return Cluster.of("cluster-x", 1, List.of(N1, N2), List.of(
                new Cluster.TopicDescription("orders", ORDERS_ID, false, List.of(
                        partition("orders", 2, 1, 7, 1, 2), partition("orders", 0, 1, 5, 1, 2), partition("orders", 1, 2, 3, 2, 1))),
                new Cluster.TopicDescription("audit", Uuids.ZERO, false, List.of(
                        partition("audit", 0, -1, 4, 1), partition("audit", 1, 2, 4, 2, 9)))));
    }

    @Test
    void shouldListBootstrapAddressesWithNegativeIdsAndNoTopics() {
        Cluster bootstrap = Cluster.bootstrap(List.of(InetSocketAddress.createUnresolved("a", 9092),
                InetSocketAddress.createUnresolved("::1", 9093)));
        assertThat(bootstrap.isBootstrap()).isTrue();
        assertThat(bootstrap.nodes()).containsExactly(new Node(-1, "a", 9092), new Node(-2, "::1", 9093));
        assertThat(bootstrap.topics()).isEmpty();
        assertThat(bootstrap.partitionCount("orders")).isEqualTo(-1);
        assertThat(Cluster.empty().nodes()).isEmpty();
    }

    @Test
    void shouldAnswerLeadersEpochsAndPartitionsPerBroker() {
        Cluster cluster = twoTopics();
        assertThat(cluster.isBootstrap()).isFalse();
        assertThat(cluster.clusterId()).isEqualTo("cluster-x");
        assertThat(cluster.controllerId()).isEqualTo(1);
        assertThat(cluster.nodeById(1)).isEqualTo(N1);
        assertThat(cluster.partitionCount("orders")).isEqualTo(3);
        assertThat(cluster.leaderFor(new TopicPartition("orders", 1))).isEqualTo(N2);
        assertThat(cluster.leaderFor("orders", 2)).isEqualTo(N1);
        assertThat(cluster.leaderFor("orders", 3)).isNull();
        assertThat(cluster.leaderFor(new TopicPartition("audit", 0))).isNull();
        assertThat(cluster.leaderEpoch(new TopicPartition("orders", 2))).isEqualTo(7);
        assertThat(cluster.leaderEpoch(new TopicPartition("nope", 0))).isEqualTo(-1);
        assertThat(cluster.partitionsForNode(1)).containsExactly(new TopicPartition("orders", 0), new TopicPartition("orders", 2));
        assertThat(cluster.partitionsLedBy(2)).containsExactly(new TopicPartition("orders", 1), new TopicPartition("audit", 1));
        assertThat(cluster.partitionsForNode(3)).isEmpty();
    }

    @Test
    void shouldConvertToTheApisPartitionInfoWithAddresslessNodesForUnknownReplicas() {
        List<PartitionInfo> audit = twoTopics().partitionsForTopic("audit");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).leader()).isNull();
        assertThat(audit.get(1)).isEqualTo(new PartitionInfo("audit", 1, N2, List.of(N2, new Node(9, "", -1)),
                List.of(N2, new Node(9, "", -1)), List.of()));
        assertThat(twoTopics().partitionInfo(new TopicPartition("orders", 0)).replicas()).containsExactly(N1, N2);
        assertThat(twoTopics().partitionsForTopic("missing")).isEmpty();
    }

    @Test
    void shouldGiveEachTopicALayoutThatKnowsWhichPartitionsHaveALeader() {
        TopicLayout layout = twoTopics().topicLayout("audit");
        assertThat(layout.partitionCount()).isEqualTo(2);
        assertThat(layout.availablePartitionCount()).isEqualTo(1);
        assertThat(layout.availablePartition(0)).isEqualTo(1);
        assertThat(layout.isAvailable(0)).isFalse();
        assertThat(twoTopics().topicLayout("missing")).isNull();
    }

    @Test
    void shouldFillGapsInPartitionNumberingWithLeaderlessPartitions() {
        Cluster cluster = Cluster.of(null, -1, List.of(N1), List.of(new Cluster.TopicDescription("gappy", Uuids.ZERO, false,
                List.of(partition("gappy", 0, 1, 1, 1), partition("gappy", 3, 1, 1, 1)))));
        assertThat(cluster.partitionCount("gappy")).isEqualTo(4);
        assertThat(cluster.leaderFor("gappy", 1)).isNull();
        assertThat(cluster.topicLayout("gappy").availablePartitionCount()).isEqualTo(2);
    }

    @Test
    void shouldMapTopicIdsBothWays() {
        Cluster cluster = twoTopics();
        assertThat(cluster.topicId("orders")).isEqualTo(ORDERS_ID);
        assertThat(cluster.topicName(ORDERS_ID)).isEqualTo("orders");
        assertThat(cluster.topicId("audit")).isEqualTo(Uuids.ZERO);
        assertThat(cluster.topicIds()).containsOnlyKeys("orders");
    }

    @Test
    void shouldMoveAPartitionToItsNewLeaderAndLearnItsEndpoint() {
        Node n3 = new Node(3, "broker-3", 9094);
        Cluster moved = twoTopics().withPartitionLeader(new TopicPartition("orders", 0), 3, 6, List.of(n3));
        assertThat(moved.leaderFor("orders", 0)).isEqualTo(n3);
        assertThat(moved.leaderEpoch(new TopicPartition("orders", 0))).isEqualTo(6);
        assertThat(moved.nodeById(3)).isEqualTo(n3);
        assertThat(moved.partitionsForNode(3)).containsExactly(new TopicPartition("orders", 0));
        assertThat(moved.partitionsForNode(1)).containsExactly(new TopicPartition("orders", 2));
        assertThat(moved.partition(new TopicPartition("orders", 0)).replicas()).containsExactly(1, 2);
        assertThat(twoTopics().withPartitionLeader(new TopicPartition("nope", 0), 3, 1, List.of())).isNotNull();
    }
}
