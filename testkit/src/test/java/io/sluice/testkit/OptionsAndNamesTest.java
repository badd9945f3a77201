package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OptionsAndNamesTest {

    @Test
    void shouldMakeLegalTopicNamesThatNeverRepeat() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            names.add(TopicNames.unique("orders"));
        }

        assertThat(names).hasSize(1000).allSatisfy(name -> assertThat(name).matches("orders-\\d+-[a-z0-9]+"));
        assertThat(TopicNames.unique("a test/with spaces")).matches("a_test_with_spaces-\\d+-[a-z0-9]+");
        assertThat(TopicNames.unique("x".repeat(400)).length()).isLessThan(249);
    }

    @Test
    void shouldRefuseToLetUsersMoveListenersOrDirectories() {
        assertThatThrownBy(() -> KafkaCluster.builder().property("listeners", "PLAINTEXT://0.0.0.0:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners is set by the testkit");
        assertThatThrownBy(() -> KafkaCluster.builder().property("log.dirs", "/tmp/x"))
                .hasMessageContaining("dataDirectory(Path)");
    }

    @Test
    void shouldRefuseAnOverrideForABrokerThatDoesNotExist() {
        KafkaClusterBuilder builder = KafkaCluster.builder().brokers(2).brokerProperty(3, "rack", "a");

        assertThatThrownBy(builder::spec).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("brokers 1 to 2");
    }

    @Test
    void shouldGiveEqualSpecsForEqualConfigurationsInAnyOrder() {
        ClusterSpec one = KafkaCluster.builder().brokers(3).property("a", "1").property("b", "2").spec();
        ClusterSpec two = KafkaCluster.builder().property("b", "2").property("a", "1").brokers(3).spec();

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(KafkaCluster.builder().brokers(3).spec());
    }

    @Test
    void shouldPutClusterPropertiesOnEveryNodeAndBrokerOverridesOnTheirBrokerOnly() {
        ClusterSpec spec = KafkaCluster.builder().brokers(2).property("min.insync.replicas", "2")
                .brokerProperty(2, "min.insync.replicas", "1").spec();
        NodeSpec controller = new NodeSpec(ClusterSpec.CONTROLLER_ID, NodeRole.CONTROLLER, 0, 7000, Paths.get("c"));
        NodeSpec broker2 = new NodeSpec(2, NodeRole.BROKER, 7002, 0, Paths.get("b2"));

        Map<String, String> controllerConfig = NodeConfigs.of(spec, controller, "1000@127.0.0.1:7000");
        Map<String, String> brokerConfig = NodeConfigs.of(spec, broker2, "1000@127.0.0.1:7000");

        assertThat(controllerConfig).containsEntry("min.insync.replicas", "2")
                .containsEntry("process.roles", "controller")
                .containsEntry("listeners", "CONTROLLER://127.0.0.1:7000")
                .doesNotContainKey("advertised.listeners");
        assertThat(brokerConfig).containsEntry("min.insync.replicas", "1")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:7002")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:7002")
                .containsEntry("controller.quorum.voters", "1000@127.0.0.1:7000")
                .containsEntry("controlled.shutdown.enable", "false");
    }

    @Test
    void shouldParseLocalKafkasCommandLine() {
        LocalKafkaOptions options = LocalKafkaOptions.parse("--port", "19092", "--brokers", "3", "--dir", "data",
                "--property", "num.partitions=6", "--ignore-stdin", "--sasl-ssl", "client.properties");

        assertThat(options).isEqualTo(new LocalKafkaOptions(19092, 3, Optional.of(Paths.get("data")),
                Map.of("num.partitions", "6"), false, Optional.of(Paths.get("client.properties"))));
        assertThat(LocalKafkaOptions.parse()).isEqualTo(new LocalKafkaOptions(9092, 1, Optional.empty(), Map.of(),
                true, Optional.empty()));
        assertThat(options.builder().spec().security().listener("SASL_SSL").protocol()).isEqualTo("SASL_SSL");
        assertThat(options.builder().spec().firstBrokerPort()).isEqualTo(19092);
        assertThatThrownBy(() -> LocalKafkaOptions.parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> LocalKafkaOptions.parse("--property", "nokey")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> LocalKafkaOptions.parse("--verbose")).hasMessage("Unknown argument --verbose");
    }
}
