package io.sluice.core.partition;

import static io.sluice.core.partition.StickyPartitionPickerTest.seeded;
import static io.sluice.core.partition.TestLayouts.TOPIC;
import static io.sluice.core.partition.TestLayouts.layout;
import static io.sluice.core.partition.TestLayouts.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.api.config.ProducerConfig;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInStickyPartitionerTest {

    private static final StickySettings BATCH_1000 = new StickySettings(1000, false, 0);
    private final ImmutableTopicLayout layout = layout(5);

    @Test
    void shouldStickToOnePartitionUntilBatchSizeBytesWentThereAndItsBatchIsFull() {
        BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(BATCH_1000, sequence(2, 4));

        for (int i = 0; i < 9; i++) {
            assertThat(sticky.partition(layout)).isEqualTo(2);
            sticky.onAppend(TOPIC, 2, 100, i == 8 /* full, but only 900 bytes so far */);
        }
        assertThat(sticky.partition(layout)).as("900 bytes, below batch.size").isEqualTo(2);
        sticky.onAppend(TOPIC, 2, 100, false);
        assertThat(sticky.partition(layout)).as("1000 bytes but the batch is not full").isEqualTo(2);
        sticky.onAppend(TOPIC, 2, 100, true);

        assertThat(sticky.isCurrent(TOPIC, 2)).isFalse();
        assertThat(sticky.partition(layout)).as("1100 bytes and the batch is full").isEqualTo(4);
    }

    @Test
    void shouldSwitchAtTwiceBatchSizeEvenIfTheBatchIsNotFull() {
        BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(BATCH_1000, sequence(1, 3));

        for (int i = 0; i < 19; i++) {
            assertThat(sticky.partition(layout)).isEqualTo(1);
            sticky.onAppend(TOPIC, 1, 105, false);  // 19 * 105 = 1995
        }
        assertThat(sticky.partition(layout)).isEqualTo(1);
        sticky.onAppend(TOPIC, 1, 5, false);          // 2000 = 2 * batch.size

        assertThat(sticky.partition(layout)).isEqualTo(3);
    }

    @Test
    void shouldSwitchAfterEveryRecordWhenBatchSizeIsZero() {
        BuiltInStickyPartitioner sticky = BuiltInStickyPartitioner.fromConfig(Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 0));
        int first = sticky.partition(layout);
        sticky.onAppend(TOPIC, first, 50, false);  // batch.size 0 counts as 1 byte (as Kafka's max(1, batch.size)): any record is 2x that

        assertThat(sticky.isCurrent(TOPIC, first)).isFalse();
    }

    @Test
    void shouldNotCountBytesOfARecordThatRacedASwitchIntoTheOldPartition() {
        BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(BATCH_1000, sequence(0, 3));
        assertThat(sticky.partition(layout)).isEqualTo(0);
        sticky.onAppend(TOPIC, 0, 1000, true);          // switch of partition 0 is due
        sticky.onAppend(TOPIC, 0, 1500, false);         // a thread that read 0 before the switch
        assertThat(sticky.partition(layout)).isEqualTo(3);
        sticky.onAppend(TOPIC, 0, 1500, false);         // still late, now with 3 chosen

        sticky.onAppend(TOPIC, 3, 999, true);
        assertThat(sticky.partition(layout)).as("only 999 bytes went to partition 3").isEqualTo(3);
    }

    @Test
    void shouldKeepASeparateStickyPartitionPerTopic() {
        BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(BATCH_1000, sequence(1, 4));
        ImmutableTopicLayout other = ImmutableTopicLayout.of("payments", List.of(
                new io.sluice.api.PartitionInfo("payments", 0, null, List.of(), List.of(), List.of()),
                new io.sluice.api.PartitionInfo("payments", 1, null, List.of(), List.of(), List.of()),
                new io.sluice.api.PartitionInfo("payments", 2, null, List.of(), List.of(), List.of()),
                new io.sluice.api.PartitionInfo("payments", 3, null, List.of(), List.of(), List.of()),
                new io.sluice.api.PartitionInfo("payments", 4, null, List.of(), List.of(), List.of())));

        assertThat(sticky.partition(layout)).isEqualTo(1);
        assertThat(sticky.partition(other)).isEqualTo(4);
        sticky.onAppend("payments", 4, 5000, true);

        assertThat(sticky.partition(layout)).isEqualTo(1);
        assertThat(sticky.isCurrent("payments", 4)).isFalse();
    }

    @Test
    void shouldPickAgainWhenTheStickyPartitionIsNoLongerInTheLayout() {
        BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(BATCH_1000, sequence(4, 1));
        assertThat(sticky.partition(layout)).isEqualTo(4);

        assertThat(sticky.partition(layout(3))).isEqualTo(1);
    }

    @Test
    void shouldSpreadRecordsUniformlyOverALongRun() {
        int partitions = 12;
        ImmutableTopicLayout twelve = layout(partitions);
        BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(BATCH_1000, seeded(42));
        long[] bytes = new long[partitions];

        for (int i = 0; i < 1_200_000; i++) {
            int p = sticky.partition(twelve);
            bytes[p] += 100;
            sticky.onAppend(TOPIC, p, 100, true);
        }

        double fair = 1_200_000 * 100.0 / partitions;
        StickyPartitionPickerTest.assertEachCloseTo(bytes, fair, fair * 0.10);
    }

    @Test
    void shouldSendMoreToPartitionsWithShorterQueuesWhenAdaptive() {
        ImmutableTopicLayout loaded = layout(3).withLoad(new int[] {0, 6, 6}, null);  // weights 7 1 1
        BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(new StickySettings(1000, true, 0), seeded(9));
        int[] switches = new int[3];

        for (int i = 0; i < 9_000; i++) {
            int p = sticky.partition(loaded);
            switches[p]++;
            sticky.onAppend(TOPIC, p, 1000, true);
        }

        assertThat((double) switches[0]).isCloseTo(7_000.0, within(350.0));
        assertThat(switches[0]).isGreaterThan(5 * Math.max(switches[1], switches[2]));
    }

    @Test
    void shouldOnlyEverHandOutValidPartitionsUnderConcurrentUse() throws Exception {
        BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(new StickySettings(500, true, 0));
        ImmutableTopicLayout loaded = layout(7, 3).withLoad(new int[] {1, 0, 2, 0, 5, 1, 0}, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        Object[] dequeLocks = {new Object(), new Object(), new Object(), new Object(), new Object(), new Object(), new Object()};
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            results.add(pool.submit(() -> {
                start.await();
                int[] counts = new int[7];
                for (int i = 0; i < 50_000; i++) {
                    int p = sticky.partition(loaded);
                    counts[p]++;
                    synchronized (dequeLocks[p]) {  // as the accumulator: onAppend under the partition's deque lock
                        sticky.onAppend(TOPIC, p, 100, i % 3 == 0);
                    }
                }
                return counts;
            }));
        }
        start.countDown();
        int[] total = new int[7];
        for (Future<int[]> result : results) {
            int[] counts = result.get(60, TimeUnit.SECONDS);
            for (int p = 0; p < 7; p++) {
                total[p] += counts[p];
            }
        }
        pool.shutdown();

        assertThat(total[3]).as("partition 3 has no leader").isZero();
        assertThat(java.util.Arrays.stream(total).sum()).as("every record got a partition").isEqualTo(200_000);
    }
}
