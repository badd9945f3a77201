package io.sluice.partitioners;

import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;

/**
 * {@code partitioner.class=consistent-hash}: a record with a key goes to
 * {@code jump(murmur2(keyBytes), partitionCount)}, Lamping and Veach's Jump Consistent Hash
 * ("A Fast, Minimal Memory, Consistent Hash Algorithm", 2014) over Kafka's murmur2 of the key;
 * a record without a key is {@link #DEFER}red to the built-in sticky partitioning. An empty key is a key.
 *
 * <p><b>How many keys move:</b> when a topic grows from N to N+1 partitions, a key moves only if the
 * new partition claims it, which happens with probability 1/(N+1), and then it moves to the new
 * partition N; no key moves between the old partitions. Growing 10 → 11 moves about 9% of the keys.
 * The default {@code murmur2 % N} keeps a key in place only when {@code h % N == h % (N+1)}, so about
 * N/(N+1) of the keys move (about 91% for 10 → 11). Jump hash gets its guarantee by construction: the
 * key seeds a pseudo-random sequence of "jumps" to ever higher buckets, and bucket j+1 takes each key
 * with probability 1/(j+1), the same sequence for every partition count.
 *
 * <p><b>When to use it:</b> for keyed topics whose consumers keep per-key state (caches, local stores)
 * and expect to add partitions: after a growth only ~1/(N+1) of the keys change owner instead of
 * nearly all. Like the default, it divides over <em>all</em> partitions, so a key stays put while its
 * leader is down. <b>Do not use it</b> when other producers (the official client, librdkafka with
 * {@code murmur2_random}, Kafka Streams) write the same keys with the default partitioner, or when
 * topics must be co-partitioned for joins: they place keys by {@code murmur2 % N}, which differs.
 *
 * <p>Thread-safety: stateless.
 */
public final class ConsistentHashPartitioner implements Partitioner {

    /** The 64-bit linear congruential multiplier of the published algorithm. */
    private static final long LCG_MULTIPLIER = 2862933555777941757L;
    private static final double TWO_POW_31 = 1L << 31;

    @Override
    public String name() {
        return "consistent-hash";
    }

    @Override
    public int partition(PartitionerRecord record, TopicLayout topic) {
        byte[] keyBytes = record.keyBytes();
        if (keyBytes == null) {
            return DEFER;
        }
        return jump(KeyHash.murmur2(keyBytes) & 0xffff_ffffL, topic.partitionCount());
    }

    /**
     * Jump Consistent Hash: the bucket in {@code [0, buckets)} of {@code key}. Walks the key's
     * pseudo-random jumps until one lands beyond the last bucket; about ln(buckets) steps.
     */
    static int jump(long key, int buckets) {
        long bucket = -1;
        long next = 0;
        while (next < buckets) {
            bucket = next;
            key = key * LCG_MULTIPLIER + 1;
            next = (long) ((bucket + 1) * (TWO_POW_31 / (double) ((key >>> 33) + 1)));
        }
        return (int) bucket;
    }
}
