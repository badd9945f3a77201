package io.sluice.core.partition;

/**
 * Apache Kafka's key hash, bit for bit: the 32-bit MurmurHash2 variant of
 * {@code org.apache.kafka.common.utils.Utils.murmur2} and the partition of a keyed record,
 * {@code toPositive(murmur2(keyBytes)) % partitionCount}, so that a key lands in the same
 * partition as with the official Java client.
 *
 * <p>Differences that would break that promise, and which this class avoids: using
 * {@code Math.abs} instead of masking the sign bit ({@code Math.abs(Integer.MIN_VALUE)} is
 * negative; librdkafka had to fix exactly this), dividing by the number of <em>available</em>
 * partitions instead of all of them, and treating an empty key as "no key" (an empty key is a key).
 * See KAFKA-COMPAT.md (a).
 */
public final class Murmur2 {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;

    private Murmur2() {
    }

    /**
     * Kafka's murmur2 of {@code data}: seed {@code 0x9747b28c}, 4-byte little-endian blocks,
     * a 1-3 byte tail, then the final avalanche. All arithmetic wraps in 32 bits.
     *
     * @param data the bytes to hash, not {@code null} (an empty array is fine)
     */
    public static int hash(byte[] data) {
        final int length = data.length;
        int h = SEED ^ length;
        final int blockEnd = length & ~3;
        for (int i = 0; i < blockEnd; i += 4) {
            int k = (data[i] & 0xff)
                    | (data[i + 1] & 0xff) << 8
                    | (data[i + 2] & 0xff) << 16
                    | (data[i + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h *= M;
            h ^= k;
        }
        // The tail, as Kafka's fall-through switch: byte 2 (if any), byte 1 (if any), byte 0 and a multiply.
        final int tail = length & 3;
        if (tail == 3) {
            h ^= (data[blockEnd + 2] & 0xff) << 16;
        }
        if (tail >= 2) {
            h ^= (data[blockEnd + 1] & 0xff) << 8;
        }
        if (tail >= 1) {
            h ^= data[blockEnd] & 0xff;
            h *= M;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }

    /**
     * Kafka's {@code Utils.toPositive}: clears the sign bit ({@code n & 0x7fffffff}). Not
     * {@code Math.abs}: {@code toPositive(Integer.MIN_VALUE)} is 0, {@code toPositive(-1)} is
     * {@code Integer.MAX_VALUE}.
     */
    public static int toPositive(int n) {
        return n & 0x7fffffff;
    }

    /**
     * The partition of a record with key bytes {@code keyBytes}, as the official client computes it.
     *
     * @param keyBytes       the serialized key, not {@code null} (empty counts as a key)
     * @param partitionCount all partitions of the topic, available or not; at least 1
     */
    public static int partitionForKey(byte[] keyBytes, int partitionCount) {
        return toPositive(hash(keyBytes)) % partitionCount;
    }
}
