package io.sluice.it.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.core.Producers;
import io.sluice.core.Tuning;
import io.sluice.testkit.KafkaClusterExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The producer explains its batching from what actually happened against a real broker. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TuningExplanationTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private Producer<String, String> producer(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap.servers", kafka.bootstrapServers());
        m.put("key.serializer", "string");
        m.put("value.serializer", "string");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return Producers.create(m);
    }

    @Test
    void aTrickleWithAShortLingerIsExplainedAsLingerClosingSmallBatches() throws Exception {
        String topic = kafka.createTopic("tune-linger", 1, 1);
        try (Producer<String, String> p = producer("linger.ms", 2)) {
            for (int i = 0; i < 30; i++) {
                p.send(new ProducerRecord<>(topic, "k", "v" + i)).get();
            }
            String explanation = Tuning.explain(p);
            assertThat(explanation).contains("30 batches sent").contains("closed by linger.ms=2")
                    .contains("Batches leave because linger.ms runs out while they are small")
                    .contains("raise linger.ms");
        }
    }

    @Test
    void aFloodWithALongLingerIsExplainedAsBatchSizeClosingFullBatches() throws Exception {
        String topic = kafka.createTopic("tune-full", 1, 1);
        try (Producer<String, String> p = producer("linger.ms", 60_000, "batch.size", 2048)) {
            for (int i = 0; i < 2000; i++) {
                p.send(new ProducerRecord<>(topic, "k", "x".repeat(100)));
            }
            p.flush();
            String explanation = Tuning.explain(p);
            assertThat(explanation).contains("full (batch.size=2048 bytes)")
                    .contains("Batches fill up before linger.ms runs out").contains("raise batch.size");
        }
    }
}
