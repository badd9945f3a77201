package io.sluice.partitioners;

import static io.sluice.partitioners.KeyHashTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.RecordHeaders;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Partitioner;
import java.util.Map;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class HeaderPartitionerTest {

    private final TestTopic topic = TestTopic.of(12, 4);

    @Test
    void shouldPlaceARecordWhereTheDefaultWouldPlaceAKeyWithTheHeadersValue() {
        Partitioner partitioner = configured(Map.of(HeaderPartitioner.HEADER_NAME_CONFIG, "tenant"));

        for (String tenant : new String[] {"acme", "globex", "initech", "foobar"}) {
            int p = partitioner.partition(TestTopic.Record.withHeader("tenant", tenant, utf8("entity-1")), topic);
            assertThat(p).as(tenant).isEqualTo(BuiltInPartitioner.partitionForKey(utf8(tenant), 12));
        }
        // A golden value without the oracle: murmur2("foobar") = -790332482.
        assertThat(partitioner.partition(TestTopic.Record.withHeader("tenant", "foobar", null), topic))
                .isEqualTo((-790332482 & 0x7fffffff) % 12);
    }

    @Test
    void shouldUseTheLastHeaderWhenTheNameOccursMoreThanOnce() {
        Partitioner partitioner = configured(Map.of(HeaderPartitioner.HEADER_NAME_CONFIG, "tenant"));
        RecordHeaders headers = new RecordHeaders();
        headers.add("tenant", utf8("acme"));
        headers.add("tenant", utf8("globex"));

        assertThat(partitioner.partition(new TestTopic.Record(null, headers), topic))
                .isEqualTo(BuiltInPartitioner.partitionForKey(utf8("globex"), 12));
    }

    @Test
    void shouldDeferRecordsWithoutTheHeaderOrWithANullValueByDefault() {
        Partitioner partitioner = configured(Map.of(HeaderPartitioner.HEADER_NAME_CONFIG, "tenant"));

        assertThat(partitioner.partition(TestTopic.Record.keyed(utf8("k")), topic)).isEqualTo(Partitioner.DEFER);
        assertThat(partitioner.partition(TestTopic.Record.withHeader("region", "eu", utf8("k")), topic)).isEqualTo(Partitioner.DEFER);
        assertThat(partitioner.partition(TestTopic.Record.withHeader("tenant", null, utf8("k")), topic)).isEqualTo(Partitioner.DEFER);
    }

    @Test
    void shouldFallBackToTheKeyWhenConfiguredSo() {
        Partitioner partitioner = configured(Map.of(HeaderPartitioner.HEADER_NAME_CONFIG, "tenant",
                HeaderPartitioner.FALLBACK_CONFIG, "KEY"));

        assertThat(partitioner.partition(TestTopic.Record.keyed(utf8("customer-9")), topic))
                .isEqualTo(BuiltInPartitioner.partitionForKey(utf8("customer-9"), 12));
        assertThat(partitioner.partition(TestTopic.Record.keyless(), topic)).isEqualTo(Partitioner.DEFER);
    }

    @Test
    void shouldFailARecordWithoutTheHeaderWhenConfiguredSo() {
        Partitioner partitioner = configured(Map.of(HeaderPartitioner.HEADER_NAME_CONFIG, "tenant",
                HeaderPartitioner.FALLBACK_CONFIG, "fail"));

        assertThatThrownBy(() -> partitioner.partition(TestTopic.Record.keyed(utf8("k")), topic))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The record has no header \"tenant\" (or its value is null), and "
                        + "sluice.partitioner.header.fallback=fail; add the header, or set "
                        + "sluice.partitioner.header.fallback to defer or key");
    }

    @Test
    void shouldRequireTheHeaderNameNamingTheKeyAndAnExample() {
        assertThatThrownBy(() -> configured(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("partitioner.class=header needs sluice.partitioner.header.name, the name of the header whose "
                        + "value picks the partition, e.g. sluice.partitioner.header.name=tenant");
        assertThatThrownBy(() -> configured(Map.of(HeaderPartitioner.HEADER_NAME_CONFIG, "  ")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldRejectAnUnknownFallback() {
        assertThatThrownBy(() -> configured(Map.of(HeaderPartitioner.HEADER_NAME_CONFIG, "tenant",
                HeaderPartitioner.FALLBACK_CONFIG, "random")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sluice.partitioner.header.fallback=\"random\" is not valid: expected defer");
    }

    private static Partitioner configured(Map<String, ?> configs) {
        HeaderPartitioner partitioner = new HeaderPartitioner();
        partitioner.configure(configs);
        return partitioner;
    }
}
