package io.sluice.it.partition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Keys for end-to-end partitioning checks: the edge cases of murmur2 and of {@code toPositive}, then
 * seeded random keys of random length, so a failure reproduces. Stateless.
 */
final class PartitionTestKeys {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;

    private PartitionTestKeys() {
    }

    /**
     * {@code count} keys: the empty key, all 256 one-byte keys, keys whose murmur2 is
     * {@code Integer.MIN_VALUE}, {@code MAX_VALUE}, 0 and -1 (where {@code Math.abs} instead of
     * {@code toPositive} would go wrong), multi-byte UTF-8, a 10 KiB key, then random keys of 1 to 64 bytes.
     */
    static List<byte[]> keys(int count, long seed) {
        List<byte[]> keys = new ArrayList<>(edgeCases());
        Random random = new Random(seed);
        while (keys.size() < count) {
            byte[] key = new byte[1 + random.nextInt(64)];
            random.nextBytes(key);
            keys.add(key);
        }
        return keys.subList(0, count);
    }

    static List<byte[]> edgeCases() {
        List<byte[]> keys = new ArrayList<>();
        keys.add(new byte[0]);
        for (int b = 0; b < 256; b++) {
            keys.add(new byte[] {(byte) b});
        }
        for (int hash : new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE, 0, -1, -12, 12}) {
            keys.add(keyWithHash(hash));
        }
        keys.add("ключ-€-鍵-🔑".getBytes(StandardCharsets.UTF_8));
        keys.add("21".getBytes(StandardCharsets.UTF_8));
        keys.add("foobar".getBytes(StandardCharsets.UTF_8));
        byte[] large = new byte[10 * 1024];
        new Random(7).nextBytes(large);
        keys.add(large);
        return keys;
    }

    /**
     * A 4-byte key whose murmur2 is {@code target}. Each step murmur2 takes on a single block is a
     * bijection (xor with a right shift of itself, multiplication by the odd constant), so the steps
     * are undone in reverse order. The test checks the result against Kafka's own murmur2.
     */
    static byte[] keyWithHash(int target) {
        int mInverse = inverseOfOdd(M);
        int h = undoXorShift(target, 15);
        h *= mInverse;
        h = undoXorShift(h, 13);            // the state right after the block was mixed in
        int k = h ^ ((SEED ^ 4) * M);       // that state is ((seed ^ length) * m) ^ mixedBlock
        k *= mInverse;
        k = undoXorShift(k, 24);
        k *= mInverse;                      // the block, read little-endian
        return new byte[] {(byte) k, (byte) (k >>> 8), (byte) (k >>> 16), (byte) (k >>> 24)};
    }

    private static int undoXorShift(int y, int shift) {
        int x = y;
        for (int i = 0; i <= 32 / shift; i++) {
            x = y ^ (x >>> shift);
        }
        return x;
    }

    private static int inverseOfOdd(int m) {
        int inverse = m; // Newton's iteration: correct low bits double each round, 3 -> 6 -> 12 -> 24 -> 48
        for (int i = 0; i < 4; i++) {
            inverse *= 2 - m * inverse;
        }
        return inverse;
    }
}
