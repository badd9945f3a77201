package io.sluice.examples.partitioner;

import io.sluice.api.Header;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code partitioner.class=by-region}: keeps each region's records in a slice of partitions of its
 * own, so that a consumer per region reads only its slice, and leaves records without a region to
 * Sluice's built-in uniform sticky partitioning by answering {@link #DEFER}.
 *
 * <p>A record's region is the UTF-8 value of its {@value #REGION_HEADER} header. The regions, in
 * partition order, come from {@value #REGIONS_CONFIG} (default {@code eu,us,apac}). With {@code n}
 * regions and {@code s = partitionCount / n}, region {@code i} owns partitions {@code [i*s, (i+1)*s)}:
 * with 12 partitions, {@code eu} 0-3, {@code us} 4-7, {@code apac} 8-11. Within its slice a keyed
 * record goes by its key's hash (one key, one partition, so its order is kept), a keyless one at random.
 *
 * <p>A record naming a region not in the list fails (the producer's exception names this partitioner):
 * a misspelt region must not quietly land in another region's partitions.
 *
 * <p>Thread-safety: immutable after {@link #configure}, which the producer calls once before any
 * {@link #partition} call; all sending threads then share this one instance.
 */
public final class ByRegionPartitioner implements Partitioner {

    /** The header whose value is a record's region. */
    public static final String REGION_HEADER = "region";
    /** The regions in partition order, comma-separated. */
    public static final String REGIONS_CONFIG = "by-region.regions";

    /** Set once in {@link #configure}, before the producer shares this instance with sending threads. */
    private List<String> regions = List.of("eu", "us", "apac");

    @Override
    public String name() {
        return "by-region";
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(REGIONS_CONFIG);
        if (value != null) {
            regions = List.of(value.toString().trim().split("\\s*,\\s*"));
        }
        if (regions.contains("")) {
            throw new ConfigException(REGIONS_CONFIG, REGIONS_CONFIG + "=\"" + value + "\" has an empty region name; "
                    + "list the regions in partition order, e.g. " + REGIONS_CONFIG + "=eu,us,apac");
        }
    }

    @Override
    public int partition(PartitionerRecord record, TopicLayout topic) {
        Header header = record.headers().lastHeader(REGION_HEADER);
        if (header == null || header.value() == null) {
            return DEFER; // no region: Sluice's built-in sticky partitioning picks any partition
        }
        String region = new String(header.value(), StandardCharsets.UTF_8);
        int index = regions.indexOf(region);
        if (index < 0) {
            throw new IllegalArgumentException("Unknown region \"" + region + "\"; " + REGIONS_CONFIG + " lists " + regions);
        }
        int slice = topic.partitionCount() / regions.size();
        if (slice == 0) {
            throw new IllegalStateException("Topic \"" + topic.topic() + "\" has " + topic.partitionCount()
                    + " partitions, fewer than the " + regions.size() + " regions " + regions + "; add partitions");
        }
        byte[] key = record.keyBytes();
        int offset = key == null ? ThreadLocalRandom.current().nextInt(slice) : Math.floorMod(Arrays.hashCode(key), slice);
        return index * slice + offset;
    }
}
