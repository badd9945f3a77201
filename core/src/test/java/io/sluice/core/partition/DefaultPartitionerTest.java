package io.sluice.core.partition;

import static io.sluice.api.config.ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG;
import static io.sluice.core.partition.TestLayouts.layout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Partitioner;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class DefaultPartitionerTest {

    private final DefaultPartitioner partitioner = configured(Map.of());

    @Test
    void shouldBeSelectableAsDefault() {
        assertThat(partitioner.name()).isEqualTo("default");
    }

    @Test
    void shouldPlaceKeyedRecordsWhereTheOfficialClientDoesCountingPartitionsWithoutLeader() {
        ImmutableTopicLayout layout = layout(12, 0, 5, 7);
        for (String key : new String[] {"21", "foobar", "customer-4711", "a-little-bit-longer-string"}) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            assertThat(partitioner.partition(TestRecord.keyed(key), layout)).as(key)
                    .isEqualTo(BuiltInPartitioner.partitionForKey(bytes, 12));
        }
    }

    @Test
    void shouldTreatAnEmptyKeyAsAKey() {
        assertThat(partitioner.partition(TestRecord.keyed(new byte[0]), layout(10)))
                .isEqualTo(BuiltInPartitioner.partitionForKey(new byte[0], 10));
    }

    @Test
    void shouldDeferRecordsWithoutKeyToTheBuiltInStickyPartitioning() {
        assertThat(partitioner.partition(TestRecord.keyless(), layout(10))).isEqualTo(Partitioner.DEFER);
    }

    @Test
    void shouldDeferKeyedRecordsTooWhenKeysAreIgnored() {
        assertThat(configured(Map.of(PARTITIONER_IGNORE_KEYS_CONFIG, true)).partition(TestRecord.keyed("k"), layout(10)))
                .isEqualTo(Partitioner.DEFER);
        assertThat(configured(Map.of(PARTITIONER_IGNORE_KEYS_CONFIG, "True")).partition(TestRecord.keyed("k"), layout(10)))
                .isEqualTo(Partitioner.DEFER);
        assertThat(configured(Map.of(PARTITIONER_IGNORE_KEYS_CONFIG, "false")).partition(TestRecord.keyed("k"), layout(10)))
                .isNotEqualTo(Partitioner.DEFER);
    }

    @Test
    void shouldRejectAMalformedIgnoreKeysValue() {
        assertThatThrownBy(() -> configured(Map.of(PARTITIONER_IGNORE_KEYS_CONFIG, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("partitioner.ignore.keys=1 (Integer) is not valid: expected true or false. "
                        + "Fix the value or remove the key to use the default (false).");
    }

    private static DefaultPartitioner configured(Map<String, ?> configs) {
        DefaultPartitioner partitioner = new DefaultPartitioner();
        partitioner.configure(configs);
        return partitioner;
    }
}
