package io.sluice.partitioners;

/**
 * Apache Kafka's key hash ({@code Utils.murmur2}) and keyed partition
 * ({@code toPositive(murmur2(bytes)) % partitionCount}), bit for bit, so that partitioners here
 * agree with keyed records of the default partitioner.
 *
 * <p>The core module has the same function; plugins see only {@code io.sluice.api}, so this module
 * keeps its own copy, checked against the official client in its tests.
 */
final class KeyHash {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;

    private KeyHash() {
    }

    /** Kafka's murmur2 of {@code data} (32-bit MurmurHash2, seed {@code 0x9747b28c}, little-endian blocks). */
    static int murmur2(byte[] data) {
        final int length = data.length;
        int h = SEED ^ length;
        final int blockEnd = length & ~3;
        for (int i = 0; i < blockEnd; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h *= M;
            h ^= k;
        }
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

    /** Kafka's {@code toPositive}: the sign bit cleared (not {@code Math.abs}). */
    static int toPositive(int n) {
        return n & 0x7fffffff;
    }

    /** The partition the default partitioner gives a record whose key bytes are {@code bytes}. */
    static int partitionFor(byte[] bytes, int partitionCount) {
        return toPositive(murmur2(bytes)) % partitionCount;
    }
}
