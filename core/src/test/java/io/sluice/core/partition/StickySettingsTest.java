package io.sluice.core.partition;

import static io.sluice.api.config.ProducerConfig.BATCH_SIZE_CONFIG;
import static io.sluice.api.config.ProducerConfig.PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG;
import static io.sluice.api.config.ProducerConfig.PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StickySettingsTest {

    @Test
    void shouldUseKafkasDefaultsForAbsentKeys() {
        assertThat(StickySettings.from(Map.of())).isEqualTo(new StickySettings(16384, true, 0));
        assertThat(StickySettings.DEFAULTS).isEqualTo(new StickySettings(16384, true, 0));
    }

    @Test
    void shouldReadParsedValues() {
        StickySettings settings = StickySettings.from(Map.of(BATCH_SIZE_CONFIG, 32768,
                PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG, false, PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG, 250L));

        assertThat(settings).isEqualTo(new StickySettings(32768, false, 250));
    }

    @Test
    void shouldReadStringValuesAndIntegersWhereLongsAreExpected() {
        StickySettings settings = StickySettings.from(Map.of(BATCH_SIZE_CONFIG, " 1000 ",
                PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG, "FALSE", PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG, 40));

        assertThat(settings).isEqualTo(new StickySettings(1000, false, 40));
    }

    @Test
    void shouldTreatNullAsAbsent() {
        Map<String, Object> configs = new HashMap<>();
        configs.put(BATCH_SIZE_CONFIG, null);

        assertThat(StickySettings.from(configs).stickyBatchSize()).isEqualTo(16384);
    }

    @Test
    void shouldSwitchPerRecordWithBatchSizeZeroAsKafkaDoes() {
        assertThat(StickySettings.from(Map.of(BATCH_SIZE_CONFIG, 0)).stickyBatchSize()).isEqualTo(1);
    }

    @Test
    void shouldRejectAMalformedValueNamingKeyValueAndTheFix() {
        assertThatThrownBy(() -> StickySettings.from(Map.of(PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG, "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("partitioner.adaptive.partitioning.enable=\"yes\" is not valid: expected true or false. "
                        + "Fix the value or remove the key to use the default (true).")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo(PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG);
        assertThatThrownBy(() -> StickySettings.from(Map.of(BATCH_SIZE_CONFIG, "16k")))
                .hasMessageContaining("batch.size=\"16k\"").hasMessageContaining("whole number");
        assertThatThrownBy(() -> StickySettings.from(Map.of(BATCH_SIZE_CONFIG, 3_000_000_000L)))
                .hasMessageContaining("batch.size=3000000000 (Long)").hasMessageContaining("32 bits");
    }

    @Test
    void shouldRejectNegativeValues() {
        assertThatThrownBy(() -> StickySettings.from(Map.of(BATCH_SIZE_CONFIG, -1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("batch.size=-1 is negative");
        assertThatThrownBy(() -> StickySettings.from(Map.of(PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG, "-5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("partitioner.availability.timeout.ms=-5 is negative");
    }
}
