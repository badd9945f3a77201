package io.sluice.core.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur2Test {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;

    @ParameterizedTest(name = "murmur2(\"{0}\") = {1}")
    @CsvSource({
            "21, -973932308",
            "foobar, -790332482",
            "a-little-bit-long-string, -985981536",
            "a-little-bit-longer-string, -1486304829",
            "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8, -58897971",
    })
    void shouldMatchKafkasGoldenVectors(String key, int expected) {
        assertThat(Murmur2.hash(key.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void shouldMatchKafkasGoldenVectorForRawBytes() {
        assertThat(Murmur2.hash(new byte[] {'a', 'b', 'c'})).isEqualTo(479470107);
    }

    @Test
    void shouldHashAndPartitionOneHundredThousandRandomKeysExactlyAsTheOfficialClient() {
        SplittableRandom random = new SplittableRandom(20_221_794L);
        for (int i = 0; i < 100_000; i++) {
            byte[] key = new byte[random.nextInt(65)];
            random.nextBytes(key);
            assertSameAsKafka(key);
        }
    }

    @Test
    void shouldPartitionEdgeCaseKeysExactlyAsTheOfficialClient() {
        for (byte[] key : edgeCaseKeys()) {
            assertSameAsKafka(key);
        }
    }

    @Test
    void shouldTreatAnEmptyKeyAsAKeyWithAFixedPartition() {
        int hash = Murmur2.hash(new byte[0]);
        assertThat(hash).isEqualTo(Utils.murmur2(new byte[0]));
        assertThat(Murmur2.partitionForKey(new byte[0], 7)).isEqualTo(Murmur2.toPositive(hash) % 7);
    }

    @Test
    void shouldMapAKeyHashingToMinValueToPartitionZeroWhereMathAbsWouldGoNegative() {
        byte[] key = keyWithHash(Integer.MIN_VALUE);

        assertThat(Utils.murmur2(key)).as("the oracle agrees the constructed key hashes to MIN_VALUE").isEqualTo(Integer.MIN_VALUE);
        assertThat(Murmur2.hash(key)).isEqualTo(Integer.MIN_VALUE);
        assertThat(Math.abs(Integer.MIN_VALUE) % 7).as("why Math.abs is wrong").isNegative();
        for (int n = 1; n <= 100; n++) {
            assertThat(Murmur2.partitionForKey(key, n)).isZero().isEqualTo(BuiltInPartitioner.partitionForKey(key, n));
        }
    }

    @Test
    void shouldClearOnlyTheSignBitInToPositive() {
        for (int n : new int[] {0, 1, -1, 42, -42, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1}) {
            assertThat(Murmur2.toPositive(n)).isEqualTo(Utils.toPositive(n)).isEqualTo(n & 0x7fffffff);
        }
    }

    private static void assertSameAsKafka(byte[] key) {
        int hash = Murmur2.hash(key);
        assertThat(hash).as("murmur2 of %d bytes", key.length).isEqualTo(Utils.murmur2(key));
        for (int n = 1; n <= 100; n++) {
            int ours = Murmur2.partitionForKey(key, n);
            if (ours != BuiltInPartitioner.partitionForKey(key, n)) {
                assertThat(ours).as("partition of a %d-byte key among %d partitions", key.length, n)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key, n));
            }
        }
    }

    private static List<byte[]> edgeCaseKeys() {
        List<byte[]> keys = new ArrayList<>();
        keys.add(new byte[0]);
        for (int b = 0; b < 256; b++) {
            keys.add(new byte[] {(byte) b});                          // every 1-byte key
            keys.add(new byte[] {(byte) b, (byte) ~b});               // 2-byte tails
            keys.add(new byte[] {(byte) b, (byte) 0x80, (byte) 0xff}); // 3-byte tails with sign bits set
        }
        keys.add(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        keys.add(new byte[] {(byte) 0x80, 0, 0, 0, (byte) 0x80});
        keys.add(keyWithHash(Integer.MIN_VALUE));
        keys.add(keyWithHash(0));
        keys.add(keyWithHash(-1));
        keys.add(keyWithHash(Integer.MAX_VALUE));
        return keys;
    }

    /**
     * A 4-byte key whose murmur2 is {@code target}: every step of murmur2 on one block is invertible
     * (xor-shifts, multiplication by the odd constant m), so run them backwards.
     */
    static byte[] keyWithHash(int target) {
        int mInverse = inverseOfOdd(M);
        int h = undoXorShift(target, 15);
        h *= mInverse;
        h = undoXorShift(h, 13);                 // h is now the state after the one block
        int k = h ^ ((SEED ^ 4) * M);            // h = (seed ^ length) * m ^ mixedBlock
        k *= mInverse;
        k = undoXorShift(k, 24);
        k *= mInverse;                           // the little-endian block itself
        return new byte[] {(byte) k, (byte) (k >>> 8), (byte) (k >>> 16), (byte) (k >>> 24)};
    }

    private static int undoXorShift(int y, int shift) {
        int x = y;
        for (int i = 0; i < 32 / shift + 1; i++) {
            x = y ^ (x >>> shift);
        }
        return x;
    }

    private static int inverseOfOdd(int m) {
        int inverse = m; // Newton's iteration doubles the correct low bits each round: 3 -> 6 -> 12 -> 24 -> 48
        for (int i = 0; i < 4; i++) {
            inverse *= 2 - m * inverse;
        }
        return inverse;
    }
}
