package io.sluice.partitioners;

import static io.sluice.partitioners.KeyHashTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.api.spi.Partitioner;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConsistentHashPartitionerTest {

    private static final int KEYS = 100_000;
    private final Partitioner partitioner = new ConsistentHashPartitioner();

    @ParameterizedTest(name = "{0} -> {0}+1 partitions")
    @ValueSource(ints = {1, 2, 3, 5, 8, 10, 16, 31, 50, 100})
    void shouldMoveAboutOneInNPlusOneKeysAllToTheNewPartitionWhenATopicGrows(int n) {
        byte[][] keys = randomKeys(KEYS, n);
        TestTopic before = TestTopic.of(n);
        TestTopic after = TestTopic.of(n + 1);
        int moved = 0;
        for (byte[] key : keys) {
            int was = partitioner.partition(TestTopic.Record.keyed(key), before);
            int now = partitioner.partition(TestTopic.Record.keyed(key), after);
            if (was != now) {
                moved++;
                assertThat(now).as("a key only ever moves to the new partition").isEqualTo(n);
            }
        }

        double expected = KEYS / (n + 1.0);
        assertThat((double) moved).as("keys moved growing %d -> %d", n, n + 1).isCloseTo(expected, within(expected * 0.20));
    }

    @Test
    void shouldMoveFarFewerKeysThanModuloHashingDoes() {
        byte[][] keys = randomKeys(KEYS, 7);
        int movedJump = 0;
        int movedModulo = 0;
        for (byte[] key : keys) {
            movedJump += partitioner.partition(TestTopic.Record.keyed(key), TestTopic.of(10))
                    != partitioner.partition(TestTopic.Record.keyed(key), TestTopic.of(11)) ? 1 : 0;
            movedModulo += KeyHash.partitionFor(key, 10) != KeyHash.partitionFor(key, 11) ? 1 : 0;
        }

        assertThat(movedJump).isLessThan(KEYS / 10);           // ~9 %
        assertThat(movedModulo).isGreaterThan(KEYS * 8 / 10);  // ~91 %
    }

    @Test
    void shouldSpreadKeysEvenlyOverAllPartitionsIncludingThoseWithoutLeader() {
        TestTopic topic = TestTopic.of(10, 2, 7);
        int[] counts = new int[10];
        for (byte[] key : randomKeys(KEYS, 11)) {
            counts[partitioner.partition(TestTopic.Record.keyed(key), topic)]++;
        }

        for (int p = 0; p < 10; p++) {
            assertThat((double) counts[p]).as("keys in partition %d", p).isCloseTo(10_000.0, within(1_000.0));
        }
    }

    @Test
    void shouldAlwaysPutTheSameKeyInTheSamePartitionAndTreatEmptyKeysAsKeys() {
        TestTopic topic = TestTopic.of(12);
        int first = partitioner.partition(TestTopic.Record.keyed(utf8("customer-1")), topic);

        assertThat(partitioner.partition(TestTopic.Record.keyed(utf8("customer-1")), topic)).isEqualTo(first);
        assertThat(partitioner.partition(TestTopic.Record.keyed(new byte[0]), topic)).isBetween(0, 11);
        assertThat(partitioner.partition(TestTopic.Record.keyed(new byte[0]), TestTopic.of(1))).isZero();
    }

    @Test
    void shouldDeferRecordsWithoutKey() {
        assertThat(partitioner.partition(TestTopic.Record.keyless(), TestTopic.of(12))).isEqualTo(Partitioner.DEFER);
    }

    @Test
    void shouldMatchTheCrossLanguageGoldenValuesOfJumpConsistentHash() {
        // The values Guava's Hashing.consistentHash tests pin to agree with the paper's C++ implementation.
        int[] golden100 = {0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83};
        for (int key = 0; key < golden100.length; key++) {
            assertThat(ConsistentHashPartitioner.jump(key, 100)).as("jump(%d, 100)", key).isEqualTo(golden100[key]);
        }
        assertThat(ConsistentHashPartitioner.jump(10863919174838991L, 11)).isEqualTo(6);
        assertThat(ConsistentHashPartitioner.jump(2016238256797177309L, 11)).isEqualTo(3);
        assertThat(ConsistentHashPartitioner.jump(1673758223894951030L, 11)).isEqualTo(5);
        assertThat(ConsistentHashPartitioner.jump(2, 100001)).isEqualTo(80343);
        assertThat(ConsistentHashPartitioner.jump(2201, 100001)).isEqualTo(22152);
        assertThat(ConsistentHashPartitioner.jump(2202, 100001)).isEqualTo(15018);
    }

    @Test
    void shouldOnlyEverMoveAKeyToTheNewestBucketAsBucketsAreAdded() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            long key = random.nextLong();
            assertThat(ConsistentHashPartitioner.jump(key, 1)).isZero();
            int previous = 0;
            for (int n = 2; n <= 64; n++) {
                int bucket = ConsistentHashPartitioner.jump(key, n);
                assertThat(bucket).isBetween(previous, n - 1);
                assertThat(bucket == previous || bucket == n - 1).as("a key moves only to the new bucket").isTrue();
                previous = bucket;
            }
        }
    }

    private static byte[][] randomKeys(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] keys = new byte[count][];
        for (int i = 0; i < count; i++) {
            keys[i] = new byte[4 + random.nextInt(28)];
            random.nextBytes(keys[i]);
        }
        return keys;
    }
}
