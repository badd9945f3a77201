package io.sluice.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.ForkedKafka;
import io.sluice.testkit.KafkaDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same round trip against the older broker line: Kafka 3.9.2 in KRaft, in a child JVM with its
 * own class path (the testkit's {@link ForkedKafka}). Produce tops out at v11 there, topics by name.
 * Then a real crash (SIGKILL) and restart of that broker.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WireKafka39Test {

    private static ForkedKafka kafka;

    @BeforeAll
    static void startKafka39() {
        kafka = ForkedKafka.builder(KafkaDistribution.kafka39()).start();
    }

    @AfterAll
    static void stopKafka39() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldSendOneProduceRequestForTwoTopicsAndReadEveryRecordBack() throws Exception {
        assertThat(kafka.version()).startsWith("3.9");
        ProduceRoundTrip.createTopics(kafka.bootstrapServers(), Map.of("wire39-orders", 3, "wire39-audit", 2));
        try (WireClient wire = WireClient.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            short version = ProduceRoundTrip.run(wire, kafka.bootstrapServers(), List.of("wire39-orders", "wire39-audit"), (short) 13);

            assertThat(version).as("the highest Produce version Kafka 3.9 speaks").isEqualTo((short) 11);
        }
    }

    @Test
    void shouldSeeACrashedBrokerGoAndWorkAgainOnceItIsBack() throws Exception {
        ProduceRoundTrip.createTopics(kafka.bootstrapServers(), Map.of("wire39-crash", 1));
        WireScenarios.brokerRestart(kafka.bootstrapServers(), "wire39-crash", new WireScenarios.BrokerControl() {
            @Override
            public void stop() {
                kafka.kill();
            }

            @Override
            public void start() {
                kafka.restart();
            }
        });
    }
}
