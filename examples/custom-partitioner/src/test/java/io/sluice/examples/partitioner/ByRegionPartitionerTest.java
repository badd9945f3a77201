package io.sluice.examples.partitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Headers;
import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.RecordHeaders;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByRegionPartitionerTest {

    private static final TopicLayout TWELVE = new Layout("orders", 12);

    @Test
    void shouldKeepEachRegionInItsOwnSliceOfPartitions() {
        Partitioner p = configured(Map.of());
        for (int i = 0; i < 200; i++) {
            byte[] key = ("customer-" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(p.partition(record("eu", key), TWELVE)).isBetween(0, 3);
            assertThat(p.partition(record("us", key), TWELVE)).isBetween(4, 7);
            assertThat(p.partition(record("apac", key), TWELVE)).isBetween(8, 11);
            assertThat(p.partition(record("apac", null), TWELVE)).isBetween(8, 11);
        }
    }

    @Test
    void shouldSendOneKeyOfOneRegionAlwaysToOnePartitionAndSpreadKeysOverTheSlice() {
        Partitioner p = configured(Map.of());
        byte[] key = "customer-7".getBytes(StandardCharsets.UTF_8);
        int first = p.partition(record("us", key), TWELVE);
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertThat(p.partition(record("us", key), TWELVE)).isEqualTo(first);
            used.add(p.partition(record("us", ("customer-" + i).getBytes(StandardCharsets.UTF_8)), TWELVE));
        }
        assertThat(used).containsExactlyInAnyOrder(4, 5, 6, 7);
    }

    @Test
    void shouldDeferRecordsWithoutARegion() {
        Partitioner p = configured(Map.of());
        assertThat(p.partition(new Rec(new RecordHeaders(), "k".getBytes(StandardCharsets.UTF_8)), TWELVE))
                .isEqualTo(Partitioner.DEFER);
        RecordHeaders nullValue = new RecordHeaders();
        nullValue.add(ByRegionPartitioner.REGION_HEADER, null);
        assertThat(p.partition(new Rec(nullValue, null), TWELVE)).isEqualTo(Partitioner.DEFER);
    }

    @Test
    void shouldTakeTheRegionsAndTheirOrderFromConfiguration() {
        Partitioner p = configured(Map.of(ByRegionPartitioner.REGIONS_CONFIG, " us , eu "));
        assertThat(p.partition(record("us", null), TWELVE)).isBetween(0, 5);
        assertThat(p.partition(record("eu", null), TWELVE)).isBetween(6, 11);
        assertThatThrownBy(() -> p.partition(record("apac", null), TWELVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown region \"apac\"; by-region.regions lists [us, eu]");
    }

    @Test
    void shouldRefuseAnEmptyRegionNameNamingTheKey() {
        assertThatThrownBy(() -> configured(Map.of(ByRegionPartitioner.REGIONS_CONFIG, "eu,,us")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("by-region.regions=\"eu,,us\" has an empty region name; list the regions in partition "
                        + "order, e.g. by-region.regions=eu,us,apac")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("by-region.regions"));
    }

    @Test
    void shouldFailARecordWhenTheTopicHasFewerPartitionsThanRegions() {
        Partitioner p = configured(Map.of());
        assertThatThrownBy(() -> p.partition(record("eu", null), new Layout("tiny", 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Topic \"tiny\" has 2 partitions, fewer than the 3 regions [eu, us, apac]; add partitions");
    }

    private static Partitioner configured(Map<String, ?> config) {
        ByRegionPartitioner p = new ByRegionPartitioner();
        p.configure(config);
        assertThat(p.name()).isEqualTo("by-region");
        return p;
    }

    private static PartitionerRecord record(String region, byte[] key) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ByRegionPartitioner.REGION_HEADER, region.getBytes(StandardCharsets.UTF_8));
        return new Rec(headers, key);
    }

    /** A record with headers and key bytes; the partitioner reads nothing else. */
    private record Rec(Headers headers, byte[] keyBytes) implements PartitionerRecord {
        @Override
        public String topic() {
            return "orders";
        }

        @Override
        public Object key() {
            return keyBytes;
        }

        @Override
        public Object value() {
            return null;
        }

        @Override
        public byte[] valueBytes() {
            return null;
        }
    }

    /** A topic whose partitions all have leader 0. */
    private record Layout(String topic, int partitionCount) implements TopicLayout {
        @Override
        public List<PartitionInfo> partitions() {
            throw new UnsupportedOperationException("not used by the partitioner");
        }

        @Override
        public int availablePartitionCount() {
            return partitionCount;
        }

        @Override
        public int availablePartition(int index) {
            return index;
        }

        @Override
        public boolean isAvailable(int partition) {
            return true;
        }

        @Override
        public Node leader(int partition) {
            return new Node(0, "localhost", 9092);
        }

        @Override
        public int queuedBatches(int partition) {
            return -1;
        }

        @Override
        public long leaderBacklogMs(int partition) {
            return 0;
        }
    }
}
