package io.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricNameTest {

    @Test
    void namesAreEqualByNameGroupAndTagsWhateverTheDescriptionAsInKafka() {
        MetricName described = new MetricName("record-send-rate", "producer-metrics", "records per second",
                Map.of("client-id", "p1"));
        MetricName lookedUp = new MetricName("record-send-rate", "producer-metrics", null, Map.of("client-id", "p1"));
        assertThat(lookedUp).isEqualTo(described).hasSameHashCodeAs(described);
        assertThat(new MetricName("record-send-rate", "producer-metrics", "", Map.of("client-id", "p2")))
                .isNotEqualTo(described);
    }
}
