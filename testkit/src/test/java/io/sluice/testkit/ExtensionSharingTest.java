package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExtensionSharingTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    @RegisterExtension
    static final KafkaClusterExtension sameConfiguration = KafkaClusterExtension.singleNode();

    private static KafkaCluster seenByFirstTest;

    @Test
    @Order(1)
    void shouldShareOneClusterBetweenEqualConfigurations() {
        seenByFirstTest = kafka.cluster();

        assertThat(sameConfiguration.cluster()).isSameAs(kafka.cluster());
        kafka.cluster().stopBroker(1);
        assertThat(kafka.cluster().isRunning(1)).isFalse();
    }

    @Test
    @Order(2)
    void shouldHandTheNextTestTheSameClusterWithItsStoppedBrokerRestarted() {
        assertThat(kafka.cluster()).isSameAs(seenByFirstTest);
        assertThat(kafka.cluster().isRunning(1)).isTrue();
        String topic = kafka.createTopic("after-restart", 1, 1);
        assertThat(kafka.cluster().leaderOf(topic, 0)).isEqualTo(1);
    }
}
