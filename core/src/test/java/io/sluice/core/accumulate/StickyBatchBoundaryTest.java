package io.sluice.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.RecordHeaders;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.core.partition.BuiltInStickyPartitioner;
import io.sluice.core.partition.DefaultPartitioner;
import io.sluice.core.partition.ImmutableTopicLayout;
import io.sluice.core.partition.PartitionChooser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The accumulator and the real uniform sticky partitioner together: a run of keyless records fills
 * whole batches and switches partitions at batch boundaries, leaving no small batch behind at each
 * switch (KIP-794's point; Kafka's accumulator re-checks the partition before opening a new batch).
 */
class StickyBatchBoundaryTest {

    private static final Node BROKER = new Node(1, "localhost", 9092);

    @Test
    void keylessRecordsFillWholeBatchesAndSwitchPartitionsOnlyAtBatchBoundaries() {
        int batchSize = 16 * 1024;
        AccumulatorFixture f = new AccumulatorFixture(batchSize, 60_000, 64L << 20, false);
        List<PartitionInfo> partitions = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            partitions.add(new PartitionInfo("t", p, BROKER, List.of(BROKER), List.of(BROKER), List.of()));
            f.leaders.lead(BROKER, "t", p);
        }
        ImmutableTopicLayout layout = ImmutableTopicLayout.of("t", partitions);
        PartitionChooser chooser = new PartitionChooser(new DefaultPartitioner(),
                BuiltInStickyPartitioner.fromConfig(Map.of("batch.size", batchSize)));
        AppendObserver observer = new AppendObserver() {
            @Override
            public void onAppend(long choice, String topic, int bytes, boolean full) {
                chooser.onAppend(choice, topic, bytes, full);
            }

            @Override
            public boolean isStale(long choice, String topic) {
                return chooser.isStale(choice, topic);
            }
        };
        byte[] value = new byte[40];
        for (int i = 0; i < 3000; i++) {
            CompletableFuture<RecordMetadata> sent = null;
            while (sent == null) { // the producer's loop: partition again when sticky switched at a boundary
                long choice = chooser.choose(null, new Keyless(value), f.accumulator.layout("t", layout));
                sent = f.accumulator.append("t", PartitionChooser.partitionOf(choice), f.time.milliseconds(), null, value,
                        new RecordHeaders(), null, 1000, observer, choice, f.time.monotonicMs());
            }
        }
        f.accumulator.beginFlush();
        List<Integer> counts = new ArrayList<>();
        for (ProducerBatch b : f.drainAll(64 << 20).get(1)) {
            counts.add(b.recordCount());
        }
        while (true) {
            var more = f.drainAll(64 << 20).get(1);
            if (more == null) {
                break;
            }
            more.forEach(b -> counts.add(b.recordCount()));
        }
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3000);
        assertThat(counts.stream().filter(c -> c < 300).count())
                .as("batches of fewer than 300 records (only the last may be partial) in %s", counts).isLessThanOrEqualTo(1);
    }

    private record Keyless(byte[] valueBytes) implements PartitionerRecord {
        @Override
        public String topic() {
            return "t";
        }

        @Override
        public Object key() {
            return null;
        }

        @Override
        public byte[] keyBytes() {
            return null;
        }

        @Override
        public Object value() {
            return valueBytes;
        }

        @Override
        public io.sluice.api.Headers headers() {
            return new RecordHeaders();
        }
    }
}
