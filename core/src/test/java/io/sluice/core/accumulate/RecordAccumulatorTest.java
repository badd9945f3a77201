package io.sluice.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Node;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.ProducerClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RecordAccumulatorTest {

    private static final Node BROKER_1 = new Node(1, "localhost", 9092);
    private static final Node BROKER_2 = new Node(2, "localhost", 9093);
    private static final String VALUE_100 = "x".repeat(100);

    @Test
    void shouldFillOneBatchThenStartANewOneWhenItIsFull() {
        AccumulatorFixture f = new AccumulatorFixture(1024, 10_000, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0);
        for (int i = 0; i < 20; i++) {
            f.append("t", 0, VALUE_100);
        }
        ReadyResult ready = f.ready();
        assertThat(ready.readyNodes()).containsExactly(BROKER_1); // the first batch is full long before linger.ms
        List<ProducerBatch> drained = f.drainAll(1 << 20).get(1);
        assertThat(drained).hasSize(1);
        int first = drained.get(0).recordCount();
        assertThat(first).isBetween(2, 10);
        assertThat(drained.get(0).records().remaining()).isLessThanOrEqualTo(1024);
    }

    @Test
    void shouldAppendThroughATopicHandleIntoTheSameBatchAsByTopicName() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0);
        TopicQueues handle = f.accumulator.topic("t");
        f.append("t", 0, "by name");
        f.accumulator.append(handle, 0, f.time.milliseconds(), null, "by handle".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new io.sluice.api.RecordHeaders(), null, 1000, AppendObserver.NONE, 0, f.time.monotonicMs());

        assertThat(f.accumulator.topic("t")).as("one handle per topic for the producer's life").isSameAs(handle);
        List<ProducerBatch> drained = f.drainAll(1 << 20).get(1);
        assertThat(drained).hasSize(1);
        assertThat(drained.get(0).recordCount()).isEqualTo(2);
    }

    @Test
    void shouldReadItsClockForTheCreationTimeOnlyWhenAnAppendOpensANewBatch() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0, 1);
        TopicQueues handle = f.accumulator.topic("t");
        long openedAt = f.time.monotonicMs();
        appendReadingTheClock(f, handle, 0);
        f.time.sleep(7);
        appendReadingTheClock(f, handle, 0); // same batch: its creation time stays
        f.accumulator.append(handle, 1, f.time.milliseconds(), null, VALUE_100.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new io.sluice.api.RecordHeaders(), null, 1000, AppendObserver.NONE, 0, 1234); // a given time is used as is

        List<ProducerBatch> drained = f.drainAll(1 << 20).get(1);
        assertThat(drained).extracting(b -> b.topicPartition().partition(), ProducerBatch::recordCount, ProducerBatch::createdMs)
                .containsExactlyInAnyOrder(tuple(0, 2, openedAt), tuple(1, 1, 1234L));
    }

    private static void appendReadingTheClock(AccumulatorFixture f, TopicQueues handle, int partition) {
        f.accumulator.append(handle, partition, f.time.milliseconds(), null,
                VALUE_100.getBytes(java.nio.charset.StandardCharsets.UTF_8), new io.sluice.api.RecordHeaders(), null, 1000,
                AppendObserver.NONE, 0, RecordAccumulator.READ_CLOCK_FOR_NEW_BATCH);
    }

    @Test
    void shouldGiveThePartitionersAFreshLayoutThroughTheHandleWhenMetadataChanges() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        TopicQueues handle = f.accumulator.topic("orders");
        io.sluice.api.spi.TopicLayout three = io.sluice.core.partition.ImmutableTopicLayout.of("orders", partitions(3));
        io.sluice.api.spi.TopicLayout five = io.sluice.core.partition.ImmutableTopicLayout.of("orders", partitions(5));

        io.sluice.api.spi.TopicLayout before = f.accumulator.layout(handle, three);
        io.sluice.api.spi.TopicLayout after = f.accumulator.layout(handle, five);

        assertThat(f.accumulator.layout(handle, three)).isSameAs(f.accumulator.layout("orders", three));
        assertThat(before.partitionCount()).isEqualTo(3);
        assertThat(after.partitionCount()).isEqualTo(5);
    }

    private static List<io.sluice.api.PartitionInfo> partitions(int count) {
        List<io.sluice.api.PartitionInfo> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            out.add(new io.sluice.api.PartitionInfo("orders", p, BROKER_1, List.of(BROKER_1), List.of(BROKER_1), List.of()));
        }
        return out;
    }

    @Test
    void shouldGiveARecordLargerThanBatchSizeABatchOfItsOwn() throws Exception {
        AccumulatorFixture f = new AccumulatorFixture(256, 0, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0);
        f.append("t", 0, "y".repeat(2000));
        List<ProducerBatch> drained = f.drainAll(1 << 20).get(1);
        assertThat(drained).hasSize(1);
        assertThat(drained.get(0).recordCount()).isEqualTo(1);
        assertThat(drained.get(0).records().remaining()).isGreaterThan(2000);
    }

    @Test
    void shouldWaitForLingerMsBeforeABatchThatIsNotFullIsReady() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 50, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0);
        f.append("t", 0, VALUE_100);
        ReadyResult early = f.ready();
        assertThat(early.readyNodes()).isEmpty();
        assertThat(early.nextReadyCheckDelayMs()).isEqualTo(50);
        f.time.sleep(49);
        assertThat(f.ready().readyNodes()).isEmpty();
        f.time.sleep(1);
        assertThat(f.ready().readyNodes()).containsExactly(BROKER_1);
    }

    @Test
    void shouldMakeEverythingReadyAtOnceDuringAFlushOrClose() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 60_000, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0);
        f.append("t", 0, VALUE_100);
        assertThat(f.ready().readyNodes()).isEmpty();
        f.accumulator.beginFlush();
        assertThat(f.ready().readyNodes()).containsExactly(BROKER_1);
    }

    @Test
    void shouldReportTopicsWhoseLeaderIsUnknown() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.append("orphan", 3, VALUE_100);
        ReadyResult r = f.ready();
        assertThat(r.readyNodes()).isEmpty();
        assertThat(r.unknownLeaderTopics()).containsExactly("orphan");
    }

    @Test
    void shouldDrainTheFirstBatchOfEveryPartitionOfAReadyBrokerIntoOneRequest() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER_1, "a", 0, 1).lead(BROKER_1, "b", 0).lead(BROKER_2, "b", 1);
        f.append("a", 0, VALUE_100);
        f.append("a", 1, VALUE_100);
        f.append("b", 0, VALUE_100);
        f.append("b", 1, VALUE_100);
        Map<Integer, List<ProducerBatch>> drained = f.drainAll(1 << 20);
        assertThat(drained.get(1)).extracting(ProducerBatch::topicPartition)
                .containsExactlyInAnyOrder(new TopicPartition("a", 0), new TopicPartition("a", 1), new TopicPartition("b", 0));
        assertThat(drained.get(2)).extracting(ProducerBatch::topicPartition).containsExactly(new TopicPartition("b", 1));
        assertThat(f.accumulator.hasUndrained()).isFalse();
    }

    @Test
    void shouldStopAddingBatchesToARequestAtMaxRequestSizeAndRotateTheStart() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0, 1, 2);
        for (int p = 0; p < 3; p++) {
            f.append("t", p, VALUE_100);
        }
        List<ProducerBatch> first = f.drainAll(200).get(1); // room for one batch only
        assertThat(first).hasSize(1);
        List<ProducerBatch> second = f.drainAll(200).get(1);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).topicPartition()).isNotEqualTo(first.get(0).topicPartition());
    }

    @Test
    void shouldKeepARetriedBatchBackForItsBackoffThenSendItFirst() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0);
        f.append("t", 0, VALUE_100);
        ProducerBatch batch = f.drainAll(1 << 20).get(1).get(0);
        f.accumulator.reenqueue(batch, f.time.monotonicMs());
        assertThat(f.ready().readyNodes()).isEmpty();
        f.time.sleep(100); // retry.backoff.ms (no jitter in the fixture)
        assertThat(f.ready().readyNodes()).containsExactly(BROKER_1);
        assertThat(f.drainAll(1 << 20).get(1)).containsExactly(batch);
        assertThat(batch.attempts()).isEqualTo(2);
    }

    @Test
    void shouldExpireBatchesThatSatPastDeliveryTimeout() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false,
                io.sluice.core.record.BatchCompression.NONE, 1000);
        f.append("nowhere", 0, VALUE_100);
        assertThat(f.accumulator.expiredBatches(f.time.monotonicMs())).isEmpty();
        f.time.sleep(1000);
        List<ProducerBatch> expired = f.accumulator.expiredBatches(f.time.monotonicMs());
        assertThat(expired).hasSize(1);
        assertThat(f.accumulator.hasUndrained()).isFalse();
    }

    @Test
    void shouldCompleteEachRecordsFutureWithItsOwnOffset() throws Exception {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER_1, "t", 0);
        List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(f.append("t", 0, "v" + i));
        }
        ProducerBatch batch = f.drainAll(1 << 20).get(1).get(0);
        f.acknowledge(batch, 1000);
        for (int i = 0; i < 5; i++) {
            assertThat(futures.get(i).get().offset()).isEqualTo(1000 + i);
            assertThat(futures.get(i).get().serializedValueSize()).isEqualTo(2);
        }
        assertThat(f.pool.usedMemory()).isZero();
        assertThat(f.accumulator.hasIncomplete()).isFalse();
    }

    @Test
    void shouldFailEveryQueuedRecordWhenAbortedAtClose() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 60_000, 1 << 20, false);
        CompletableFuture<RecordMetadata> pending = f.append("t", 0, VALUE_100);
        f.accumulator.close();
        f.accumulator.abortUndrained(new ProducerClosedException("closing"), new io.sluice.core.intercept.Interceptors<>(java.util.List.of()));
        assertThatThrownBy(pending::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ProducerClosedException.class);
        assertThatThrownBy(() -> f.append("t", 0, VALUE_100)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Producer closed");
        assertThat(f.pool.usedMemory()).isZero();
    }

    @Test
    void incrementalAllocationShouldHoldMemoryInProportionToTheDataNotThePartitionCount() {
        int batchSize = 64 * 1024;
        AccumulatorFixture full = new AccumulatorFixture(batchSize, 60_000, 256L << 20, false);
        AccumulatorFixture incremental = new AccumulatorFixture(batchSize, 60_000, 256L << 20, true);
        for (int p = 0; p < 1000; p++) {
            full.append("t", p, VALUE_100);
            incremental.append("t", p, VALUE_100);
        }
        assertThat(full.pool.usedMemory()).isEqualTo(1000L * batchSize); // Kafka's "full": one batch.size each
        assertThat(incremental.pool.usedMemory()).isEqualTo(1000L * SizeClasses.SMALLEST);
    }

    @Test
    void incrementalBatchesGrowUpToBatchSizeAndStillFillToIt() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 60_000, 1 << 20, true);
        f.leaders.lead(BROKER_1, "t", 0);
        for (int i = 0; i < 200; i++) {
            f.append("t", 0, VALUE_100);
        }
        f.accumulator.beginFlush();
        List<ProducerBatch> drained = f.drainAll(1 << 20).get(1);
        assertThat(drained.get(0).records().remaining()).isBetween(15 * 1024, 16 * 1024);
    }

    @Test
    void shouldLetStickyPartitioningSwitchAtTheBatchBoundaryInsteadOfOpeningANewBatchInTheOldPartition() {
        AccumulatorFixture f = new AccumulatorFixture(1024, 60_000, 1 << 20, false);
        boolean[] switched = {false};
        AppendObserver sticky = new AppendObserver() {
            @Override
            public void onAppend(long choice, String topic, int appendedBytes, boolean batchFull) {
                if (batchFull && appendedBytes == 0) {
                    switched[0] = true; // the partitioner moves on when told the last batch is full
                }
            }

            @Override
            public boolean isStale(long choice, String topic) {
                return switched[0];
            }
        };
        CompletableFuture<RecordMetadata> last = null;
        int appended = 0;
        while (true) {
            last = f.accumulator.append("t", 0, f.time.milliseconds(), null, VALUE_100.getBytes(), new io.sluice.api.RecordHeaders(),
                    null, 1000, sticky, 0, f.time.monotonicMs());
            if (last == null) {
                break;
            }
            appended++;
        }
        assertThat(appended).isBetween(2, 10);
        f.leaders.lead(BROKER_1, "t", 0);
        f.accumulator.beginFlush();
        assertThat(f.drainAll(1 << 20).get(1)).as("one full batch, no fractional one after it").hasSize(1);
        assertThat(f.accumulator.hasUndrained()).isFalse();
    }

    @Test
    void concurrentAppendsLandExactlyOnceAndInOrderPerThread() throws Exception {
        AccumulatorFixture f = new AccumulatorFixture(4 * 1024, 0, 64L << 20, false);
        f.leaders.lead(BROKER_1, "t", 0);
        int threads = 4;
        int perThread = 2000;
        List<Thread> workers = new ArrayList<>();
        List<List<CompletableFuture<RecordMetadata>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<CompletableFuture<RecordMetadata>> mine = new ArrayList<>();
            futures.add(mine);
            int id = t;
            Thread w = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    mine.add(f.append("t", 0, id + ":" + i));
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        f.accumulator.beginFlush();
        long offset = 0;
        Map<Integer, List<ProducerBatch>> drained;
        while (!(drained = f.drainAll(1 << 20)).isEmpty()) {
            for (ProducerBatch b : drained.get(1)) {
                f.acknowledge(b, offset);
                offset += b.recordCount();
            }
        }
        assertThat(offset).isEqualTo((long) threads * perThread);
        for (List<CompletableFuture<RecordMetadata>> mine : futures) {
            long last = -1;
            for (CompletableFuture<RecordMetadata> fu : mine) {
                long o = fu.get().offset();
                assertThat(o).isGreaterThan(last);
                last = o;
            }
        }
    }
}
