package io.sluice.partitioners;

import static io.sluice.partitioners.KeyHashTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.spi.Partitioner;
import org.junit.jupiter.api.Test;

class RoundRobinPartitionerTest {

    private final Partitioner partitioner = new RoundRobinPartitioner();

    @Test
    void shouldCycleThroughEveryPartitionInOrderKeysOrNot() {
        TestTopic topic = TestTopic.of(4);

        assertThat(next(topic, 10)).containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0, 1);
        assertThat(partitioner.partition(TestTopic.Record.keyed(utf8("same-key")), topic)).isEqualTo(2);
        assertThat(partitioner.partition(TestTopic.Record.keyed(utf8("same-key")), topic)).isEqualTo(3);
    }

    @Test
    void shouldSkipPartitionsWithoutLeader() {
        assertThat(next(TestTopic.of(5, 1, 3), 6)).containsExactly(0, 2, 4, 0, 2, 4);
    }

    @Test
    void shouldCycleThroughAllPartitionsWhenNoneHasALeader() {
        assertThat(next(TestTopic.of(3, 0, 1, 2), 4)).containsExactly(0, 1, 2, 0);
    }

    @Test
    void shouldUseEveryPartitionOfAnEvenPartitionCountUnlikeKafkaBeforeKafka17632() {
        int[] counts = new int[6];
        for (int p : next(TestTopic.of(6), 600)) {
            counts[p]++;
        }

        assertThat(counts).containsOnly(100);
    }

    @Test
    void shouldKeepOneCounterPerTopic() {
        TestTopic events = TestTopic.of(3);
        TestTopic other = TestTopic.named("audit", 3);

        partitioner.partition(TestTopic.Record.keyless(), events);
        partitioner.partition(TestTopic.Record.keyless(), events);

        assertThat(partitioner.partition(TestTopic.Record.keyless(), other)).isZero();
        assertThat(partitioner.partition(TestTopic.Record.keyless(), events)).isEqualTo(2);
    }

    private int[] next(TestTopic topic, int times) {
        int[] picks = new int[times];
        for (int i = 0; i < times; i++) {
            picks[i] = partitioner.partition(TestTopic.Record.keyless(), topic);
        }
        return picks;
    }
}
