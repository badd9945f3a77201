package io.sluice.core.partition;

import static io.sluice.core.partition.TestLayouts.TOPIC;
import static io.sluice.core.partition.TestLayouts.layout;
import static io.sluice.core.partition.TestLayouts.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.SluiceException;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class PartitionChooserTest {

    private final ImmutableTopicLayout layout = layout(5);
    private final BuiltInStickyPartitioner sticky = new BuiltInStickyPartitioner(new StickySettings(1000, false, 0), sequence(3, 1));

    @Test
    void shouldUseAnExplicitPartitionWithoutAskingThePartitioner() {
        Scripted partitioner = new Scripted(2);
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);

        long choice = chooser.choose(4, TestRecord.keyed("k"), layout);
        chooser.onAppend(choice, TOPIC, 5000, true);

        assertThat(PartitionChooser.partitionOf(choice)).isEqualTo(4);
        assertThat(partitioner.calls).isZero();
        assertThat(partitioner.appends).as("nobody decided, nobody is told").isEmpty();
        assertThat(chooser.isStale(choice, TOPIC)).isFalse();
    }

    @Test
    void shouldRejectAnExplicitPartitionBeyondThePartitionCount() {
        PartitionChooser chooser = new PartitionChooser(new Scripted(0), sticky);

        assertThatThrownBy(() -> chooser.choose(5, TestRecord.keyless(), layout))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The record names partition 5 of topic \"orders\", which has 5 partitions (0..4); give a "
                        + "partition in [0, 5) or none to let the partitioner choose. The record was not sent.");
    }

    @Test
    void shouldUseThePartitionersAnswerAndTellItAboutTheAppend() {
        Scripted partitioner = new Scripted(2);
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);

        long choice = chooser.choose(null, TestRecord.keyless(), layout);
        chooser.onAppend(choice, TOPIC, 120, true);

        assertThat(PartitionChooser.partitionOf(choice)).isEqualTo(2);
        assertThat(partitioner.appends).containsExactly("orders/2 +120 full");
        assertThat(chooser.isStale(choice, TOPIC)).isFalse();
    }

    @Test
    void shouldRouteDeferredRecordsToTheBuiltInStickyPartitioningAndTellItAboutTheAppend() {
        Scripted partitioner = new Scripted(Partitioner.DEFER);
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);

        long first = chooser.choose(null, TestRecord.keyless(), layout);
        chooser.onAppend(first, TOPIC, 1000, true);
        long second = chooser.choose(null, TestRecord.keyless(), layout);

        assertThat(PartitionChooser.partitionOf(first)).isEqualTo(3);
        assertThat(PartitionChooser.partitionOf(second)).as("switched after batch.size bytes and a full batch").isEqualTo(1);
        assertThat(partitioner.appends).as("the partitioner deferred, so it is not told").isEmpty();
    }

    @Test
    void shouldMarkABuiltInChoiceStaleOnceAnotherThreadSwitchedAway() {
        PartitionChooser chooser = new PartitionChooser(new Scripted(Partitioner.DEFER), sticky);
        long mine = chooser.choose(null, TestRecord.keyless(), layout);
        long theirs = chooser.choose(null, TestRecord.keyless(), layout);

        chooser.onAppend(theirs, TOPIC, 1000, true);

        assertThat(chooser.isStale(mine, TOPIC)).isTrue();
        assertThat(chooser.isStale(chooser.choose(null, TestRecord.keyless(), layout), TOPIC)).isFalse();
    }

    @Test
    void shouldShareOneStickyStateBetweenTheLookedUpHandleAndTheTopicName() {
        Scripted partitioner = new Scripted(Partitioner.DEFER);
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);
        StickyTopicState handle = chooser.stickyState(TOPIC);

        long first = chooser.choose(null, TestRecord.keyless(), layout, handle);
        long byName = chooser.choose(null, TestRecord.keyless(), layout);
        chooser.onAppend(first, TOPIC, handle, 1000, true);
        long afterSwitch = chooser.choose(null, TestRecord.keyless(), layout, handle);

        assertThat(chooser.stickyState(TOPIC)).as("the same handle for the producer's life").isSameAs(handle);
        assertThat(PartitionChooser.partitionOf(first)).isEqualTo(3);
        assertThat(PartitionChooser.partitionOf(byName)).isEqualTo(3);
        assertThat(chooser.isStale(byName, TOPIC)).as("the switch through the handle is the topic's switch").isTrue();
        assertThat(chooser.isStale(first, handle)).isTrue();
        assertThat(PartitionChooser.partitionOf(afterSwitch)).isEqualTo(1);
        assertThat(chooser.isStale(afterSwitch, handle)).isFalse();
        assertThat(partitioner.appends).as("the partitioner deferred, so it is not told").isEmpty();
    }

    @Test
    void shouldPickAgainThroughTheHandleWhenTheTopicLostItsStickyPartition() {
        PartitionChooser chooser = new PartitionChooser(new Scripted(Partitioner.DEFER),
                new BuiltInStickyPartitioner(new StickySettings(1000, false, 0), sequence(4, 1)));
        StickyTopicState handle = chooser.stickyState(TOPIC);
        assertThat(PartitionChooser.partitionOf(chooser.choose(null, TestRecord.keyless(), layout, handle))).isEqualTo(4);

        // metadata now says 2 partitions (e.g. the topic was deleted and re-created smaller)
        long choice = chooser.choose(null, TestRecord.keyless(), layout(2), handle);

        assertThat(PartitionChooser.partitionOf(choice)).isEqualTo(1);
    }

    @Test
    void shouldTellThePartitionerAboutAppendsOfItsOwnChoicesWhenGivenTheHandle() {
        Scripted partitioner = new Scripted(2);
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);
        StickyTopicState handle = chooser.stickyState(TOPIC);

        long choice = chooser.choose(null, TestRecord.keyless(), layout, handle);
        chooser.onAppend(choice, TOPIC, handle, 120, false);

        assertThat(partitioner.appends).containsExactly("orders/2 +120");
        assertThat(chooser.isStale(choice, handle)).isFalse();
    }

    @Test
    void shouldNameThePartitionerTopicAndCauseWhenThePartitionerThrowsAndKeepWorking() {
        Scripted partitioner = new Scripted(new IllegalStateException("region table not loaded"), 1);
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);

        assertThatThrownBy(() -> chooser.choose(null, TestRecord.keyless(), layout))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Partitioner \"scripted\" (" + Scripted.class.getName() + ") threw java.lang.IllegalStateException "
                        + "(region table not loaded) for a record of topic \"orders\"; the record was not sent. Fix the "
                        + "partitioner, or have it return Partitioner.DEFER (-1) to leave such records to the built-in "
                        + "sticky partitioning.")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(PartitionChooser.partitionOf(chooser.choose(null, TestRecord.keyless(), layout))).isEqualTo(1);
    }

    @Test
    void shouldNameThePartitionerAndTheValueWhenItAnswersAnInvalidPartitionAndKeepWorking() {
        Scripted partitioner = new Scripted(5, -2, 4);
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);

        assertThatThrownBy(() -> chooser.choose(null, TestRecord.keyless(), layout))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Partitioner \"scripted\" (" + Scripted.class.getName() + ") returned partition 5 for a record "
                        + "of topic \"orders\", which has 5 partitions; a partitioner must return a partition in [0, 5) "
                        + "or Partitioner.DEFER (-1). The record was not sent.");
        assertThatThrownBy(() -> chooser.choose(null, TestRecord.keyless(), layout))
                .hasMessageContaining("returned partition -2");
        assertThat(PartitionChooser.partitionOf(chooser.choose(null, TestRecord.keyless(), layout))).isEqualTo(4);
    }

    @Test
    void shouldSwallowAPartitionersFailureInOnAppendBecauseTheRecordIsAlreadyAppended() {
        Scripted partitioner = new Scripted(2);
        partitioner.failOnAppend = true;
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);

        long choice = chooser.choose(null, TestRecord.keyless(), layout);
        chooser.onAppend(choice, TOPIC, 10, false);
        chooser.onAppend(choice, TOPIC, 10, false);

        assertThat(partitioner.appends).hasSize(2);
    }

    @Test
    void shouldRefuseToChooseForATopicWithoutPartitions() {
        PartitionChooser chooser = new PartitionChooser(new Scripted(0), sticky);

        assertThatThrownBy(() -> chooser.choose(null, TestRecord.keyless(), ImmutableTopicLayout.of(TOPIC, List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"orders\" has 0 partitions");
    }

    @Test
    void shouldPartitionLikeTheOfficialClientWithTheDefaultPartitioner() {
        DefaultPartitioner partitioner = new DefaultPartitioner();
        partitioner.configure(Map.of());
        PartitionChooser chooser = new PartitionChooser(partitioner, sticky);

        long keyed = chooser.choose(null, TestRecord.keyed("customer-17"), layout);
        long keyless = chooser.choose(null, TestRecord.keyless(), layout);
        chooser.onAppend(keyed, TOPIC, 5000, true);  // a keyed record's bytes never move the sticky partition

        assertThat(PartitionChooser.partitionOf(keyed))
                .isEqualTo(BuiltInPartitioner.partitionForKey("customer-17".getBytes(java.nio.charset.StandardCharsets.UTF_8), 5));
        assertThat(PartitionChooser.partitionOf(keyless)).isEqualTo(3);
        assertThat(PartitionChooser.partitionOf(chooser.choose(null, TestRecord.keyless(), layout))).isEqualTo(3);
    }

    /** A partitioner that answers (or throws) from a script, and records what it is told. */
    private static final class Scripted implements Partitioner {
        private final Object[] script;
        final List<String> appends = new ArrayList<>();
        int calls;
        boolean failOnAppend;

        Scripted(Object... script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public int partition(PartitionerRecord record, TopicLayout topic) {
            Object next = script[Math.min(calls++, script.length - 1)];
            if (next instanceof RuntimeException) {
                throw (RuntimeException) next;
            }
            return (Integer) next;
        }

        @Override
        public void onAppend(String topic, int partition, int appendedBytes, boolean batchFull) {
            appends.add(topic + "/" + partition + " +" + appendedBytes + (batchFull ? " full" : ""));
            if (failOnAppend) {
                throw new IllegalStateException("broken onAppend");
            }
        }
    }
}
