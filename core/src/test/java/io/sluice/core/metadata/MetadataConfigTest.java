package io.sluice.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.config.ProducerSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataConfigTest {

    private static ProducerSettings settings(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", "broker-1:9092", "key.serializer", "string",
                "value.serializer", "string"));
        props.putAll(extra);
        return ProducerSettings.parse(props);
    }

    @Test
    void shouldTakeKafkasDefaults() {
        assertThat(MetadataConfig.from(settings(Map.of())))
                .isEqualTo(new MetadataConfig(300_000, 300_000, 100, 1_000, true, true, 300_000));
    }

    @Test
    void shouldReadTheUsersSettings() {
        assertThat(MetadataConfig.from(settings(Map.of("metadata.max.age.ms", "1000", "metadata.max.idle.ms", "10000",
                "retry.backoff.ms", "20", "retry.backoff.max.ms", "400", "allow.auto.create.topics", "false",
                "metadata.recovery.strategy", "NONE", "metadata.recovery.rebootstrap.trigger.ms", "5000"))))
                .isEqualTo(new MetadataConfig(1_000, 10_000, 20, 400, false, false, 5_000));
    }
}
