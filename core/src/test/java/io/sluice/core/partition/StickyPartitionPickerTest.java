package io.sluice.core.partition;

import static io.sluice.core.partition.TestLayouts.layout;
import static io.sluice.core.partition.TestLayouts.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class StickyPartitionPickerTest {

    private static final StickySettings UNIFORM = new StickySettings(1000, false, 0);
    private static final StickySettings ADAPTIVE = new StickySettings(1000, true, 0);

    @Test
    void shouldMapRandomNumbersThroughTheCumulativeFrequencyTableLikeKafka() {
        // Kafka's own example: queues 0 3 1 -> weights 4 1 3 -> running sums 4 5 8.
        ImmutableTopicLayout layout = layout(3).withLoad(new int[] {0, 3, 1}, null);
        StickyPartitionPicker picker = new StickyPartitionPicker(ADAPTIVE, sequence(0, 1, 2, 3, 4, 5, 6, 7, 8, 12));

        int[] picks = new int[10];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = picker.next(layout);
        }

        assertThat(picks).containsExactly(0, 0, 0, 0, 1, 2, 2, 2, /* 8 % 8 = 0 */ 0, /* 12 % 8 = 4 */ 1);
    }

    @Test
    void shouldPreferShorterQueuesInProportionToMaxQueuePlusOneMinusQueue() {
        int[] queues = {0, 4, 2, 4, 1};  // weights 5 1 3 1 4, total 14
        ImmutableTopicLayout layout = layout(5).withLoad(queues, null);
        int[] counts = pickMany(new StickyPartitionPicker(ADAPTIVE, seeded(7)), layout, 140_000);

        int[] weights = {5, 1, 3, 1, 4};
        for (int p = 0; p < 5; p++) {
            assertThat((double) counts[p]).as("picks of partition %d", p).isCloseTo(10_000.0 * weights[p], within(500.0 * weights[p]));
        }
    }

    @Test
    void shouldPickUniformlyAmongAvailablePartitionsWhenAllQueuesAreEqual() {
        ImmutableTopicLayout layout = layout(4).withLoad(new int[] {2, 2, 2, 2}, null);
        StickyPartitionPicker picker = new StickyPartitionPicker(ADAPTIVE, sequence(5, 6, 7, 8));

        assertThat(new int[] {picker.next(layout), picker.next(layout), picker.next(layout), picker.next(layout)})
                .as("r %% available, as without load statistics").containsExactly(1, 2, 3, 0);
    }

    @Test
    void shouldStayUniformUntilEveryPartitionHasQueueInformation() {
        ImmutableTopicLayout layout = layout(3).withLoad(new int[] {0, 9, -1}, null);
        StickyPartitionPicker picker = new StickyPartitionPicker(ADAPTIVE, sequence(1, 4, 5));

        assertThat(new int[] {picker.next(layout), picker.next(layout), picker.next(layout)}).containsExactly(1, 1, 2);
    }

    @Test
    void shouldIgnoreQueuesWhenAdaptivePartitioningIsDisabled() {
        ImmutableTopicLayout layout = layout(3).withLoad(new int[] {0, 100, 100}, null);
        int[] counts = pickMany(new StickyPartitionPicker(UNIFORM, seeded(11)), layout, 30_000);

        assertEachCloseTo(counts, 10_000.0, 1_000.0);
    }

    @Test
    void shouldNeverPickAPartitionWithoutLeaderWhileOthersHaveOne() {
        ImmutableTopicLayout layout = layout(6, 1, 4);
        int[] uniform = pickMany(new StickyPartitionPicker(UNIFORM, seeded(3)), layout, 10_000);
        int[] adaptive = pickMany(new StickyPartitionPicker(ADAPTIVE, seeded(3)),
                layout.withLoad(new int[] {1, 0, 3, 2, 0, 1}, null), 10_000);

        assertThat(uniform[1] + uniform[4]).isZero();
        assertThat(adaptive[1] + adaptive[4]).isZero();
        assertThat(uniform[0] * uniform[2] * uniform[3] * uniform[5]).isPositive();
    }

    @Test
    void shouldPickAmongAllPartitionsWhenNoneHasALeader() {
        ImmutableTopicLayout layout = layout(4, 0, 1, 2, 3);
        int[] counts = pickMany(new StickyPartitionPicker(ADAPTIVE, seeded(5)), layout, 4_000);

        assertEachCloseTo(counts, 1_000.0, 150.0);
    }

    @Test
    void shouldExcludePartitionsWhoseLeaderIsBackloggedLongerThanTheAvailabilityTimeout() {
        StickySettings settings = new StickySettings(1000, true, 100);
        ImmutableTopicLayout layout = layout(4).withLoad(new int[] {0, 0, 0, 0}, new long[] {0, 101, 100, 5_000});
        int[] counts = pickMany(new StickyPartitionPicker(settings, seeded(13)), layout, 20_000);

        assertThat(counts[1]).as("backlogged 101 ms > 100 ms").isZero();
        assertThat(counts[3]).as("backlogged 5 s").isZero();
        assertThat((double) counts[0]).isCloseTo(10_000.0, within(1_000.0));
        assertThat((double) counts[2]).as("exactly at the timeout stays in").isCloseTo(10_000.0, within(1_000.0));
    }

    @Test
    void shouldFallBackToUniformOverAvailablePartitionsWhenEveryLeaderIsBacklogged() {
        StickySettings settings = new StickySettings(1000, true, 100);
        ImmutableTopicLayout layout = layout(3).withLoad(new int[] {0, 1, 2}, new long[] {500, 500, 500});
        int[] counts = pickMany(new StickyPartitionPicker(settings, seeded(17)), layout, 30_000);

        assertEachCloseTo(counts, 10_000.0, 1_000.0);
    }

    @Test
    void shouldIgnoreTheAvailabilityTimeoutWhenAdaptivePartitioningIsDisabledAsKafkaDocuments() {
        StickySettings settings = new StickySettings(1000, false, 100);
        ImmutableTopicLayout layout = layout(2).withLoad(new int[] {0, 0}, new long[] {0, 5_000});
        int[] counts = pickMany(new StickyPartitionPicker(settings, seeded(19)), layout, 10_000);

        assertThat(counts[1]).isPositive();
    }

    private static int[] pickMany(StickyPartitionPicker picker, ImmutableTopicLayout layout, int times) {
        int[] counts = new int[layout.partitionCount()];
        for (int i = 0; i < times; i++) {
            counts[picker.next(layout)]++;
        }
        return counts;
    }

    /** Every count within {@code tolerance} of {@code expected}, with the partition named on failure. */
    static void assertEachCloseTo(long[] counts, double expected, double tolerance) {
        for (int p = 0; p < counts.length; p++) {
            assertThat((double) counts[p]).as("partition %d of %s", p, java.util.Arrays.toString(counts))
                    .isCloseTo(expected, within(tolerance));
        }
    }

    static void assertEachCloseTo(int[] counts, double expected, double tolerance) {
        assertEachCloseTo(java.util.Arrays.stream(counts).asLongStream().toArray(), expected, tolerance);
    }

    static IntSupplier seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return random::nextInt;
    }
}
