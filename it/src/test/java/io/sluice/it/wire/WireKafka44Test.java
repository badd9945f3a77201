package io.sluice.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaClusterExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sluice's connection and metadata layers against a real Kafka 4.4 broker (the testkit's, in this
 * JVM): negotiation, metadata, one Produce request for every partition of two topics, read back with
 * the official consumer; then the faults a client meets: a dead bootstrap entry, a broker that stops
 * and comes back.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WireKafka44Test {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleNode();

    @Test
    void shouldSendOneProduceRequestForTwoTopicsWithTopicIdsAndReadEveryRecordBack() {
        String orders = KAFKA.createTopic("wire-orders", 3, 1);
        String audit = KAFKA.createTopic("wire-audit", 2, 1);
        try (WireClient wire = WireClient.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            short version = ProduceRoundTrip.run(wire, KAFKA.bootstrapServers(), List.of(orders, audit), (short) 13);

            assertThat(version).as("Produce v13: topics by id, known from Metadata v13").isEqualTo((short) 13);
            assertThat(wire.metadata.cluster().clusterId()).isEqualTo(KAFKA.cluster().clusterId());
        }
    }

    @Test
    void shouldAlsoSendTopicsByNameAtProduceV12() {
        String orders = KAFKA.createTopic("wire-named", 2, 1);
        String audit = KAFKA.createTopic("wire-named-too", 2, 1);
        try (WireClient wire = WireClient.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            assertThat(ProduceRoundTrip.run(wire, KAFKA.bootstrapServers(), List.of(orders, audit), (short) 12)).isEqualTo((short) 12);
        }
    }

    @Test
    void shouldConnectThroughTheSecondBootstrapEntryWhenTheFirstIsAClosedPort() throws Exception {
        WireScenarios.firstBootstrapEntryDown(KAFKA.bootstrapServers(), KAFKA.createTopic("wire-bootstrap", 1, 1));
    }

    @Test
    void shouldSeeTheBrokerGoAndWorkAgainOnceItIsBack() throws Exception {
        String topic = KAFKA.createTopic("wire-restart", 1, 1);
        int broker = KAFKA.cluster().brokerIds().get(0);
        WireScenarios.brokerRestart(KAFKA.bootstrapServers(), topic, new WireScenarios.BrokerControl() {
            @Override
            public void stop() {
                KAFKA.cluster().stopBroker(broker);
            }

            @Override
            public void start() {
                KAFKA.cluster().restartBroker(broker);
            }
        });
    }
}
