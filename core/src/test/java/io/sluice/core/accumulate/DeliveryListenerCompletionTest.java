package io.sluice.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.DeliveryListener;
import io.sluice.api.Node;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.ProducerClosedException;
import io.sluice.core.intercept.Interceptors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Records sent with a {@link DeliveryListener} instead of a future: each is told once, with its own tag,
 * partition, offset and timestamp, in offset order among the batch's other records.
 */
class DeliveryListenerCompletionTest {

    private static final Node BROKER = new Node(1, "localhost", 9092);
    private static final Interceptors<Object, Object> NO_INTERCEPTORS = new Interceptors<>(List.of());

    @Test
    void shouldTellEachListenedRecordItsTagAndOwnOffsetAmongRecordsWithFutures() throws Exception {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER, "t", 0);
        Events events = new Events();
        long createTime = f.time.milliseconds();
        f.append("t", 0, "a", events, 70);
        CompletableFuture<RecordMetadata> withFuture = f.append("t", 0, "b");
        withFuture.thenAccept(m -> events.seen.add("future offset=" + m.offset()));
        f.append("t", 0, "c", events, 71);

        f.acknowledge(f.drainAll(1 << 20).get(1).get(0), 500);

        assertThat(events.seen).containsExactly(
                "acknowledged tag=70 t-0 offset=500 timestamp=" + createTime,
                "future offset=501",
                "acknowledged tag=71 t-0 offset=502 timestamp=" + createTime);
        assertThat(f.pool.usedMemory()).isZero();
    }

    @Test
    void shouldGiveTheBrokersLogAppendTimeWhenTheTopicUsesIt() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER, "t", 0);
        Events events = new Events();
        f.append("t", 0, "a", events, 1);

        ProducerBatch batch = f.drainAll(1 << 20).get(1).get(0);
        batch.complete(ProducerBatch.FinalState.SUCCEEDED, 40, 1_234_567L, null, NO_INTERCEPTORS);

        assertThat(events.seen).containsExactly("acknowledged tag=1 t-0 offset=40 timestamp=1234567");
    }

    @Test
    void shouldTellTheListenerOfAFailureOnceWithTheBatchesPartitionAndTheError() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 60_000, 1 << 20, false);
        Events events = new Events();
        f.append("t", 3, "a", events, 9);
        f.accumulator.close();

        f.accumulator.abortUndrained(new ProducerClosedException("closing"), NO_INTERCEPTORS);

        assertThat(events.seen).containsExactly("failed tag=9 t-3 ProducerClosedException: closing");
        assertThat(f.pool.usedMemory()).isZero();
    }

    @Test
    void shouldCarryTagsAndListenersIntoTheBatchesOfASplit() {
        AccumulatorFixture f = new AccumulatorFixture(16 * 1024, 0, 1 << 20, false);
        f.leaders.lead(BROKER, "t", 0);
        Events events = new Events();
        for (int i = 0; i < 40; i++) {
            f.append("t", 0, "x".repeat(200), events, 100 + i);
        }
        ProducerBatch big = f.drainAll(1 << 20).get(1).get(0);
        f.accumulator.splitAndReenqueue(big, f.time.monotonicMs());

        long base = 0;
        List<ProducerBatch> parts = new ArrayList<>();
        for (List<ProducerBatch> drained; !(drained = f.drainAll(1 << 20).getOrDefault(1, List.of())).isEmpty(); ) {
            parts.addAll(drained);
            for (ProducerBatch part : drained) {
                int records = part.recordCount();
                f.acknowledge(part, base);
                base += records;
            }
        }

        assertThat(parts).hasSizeGreaterThan(1);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add("acknowledged tag=" + (100 + i) + " t-0 offset=" + i + " timestamp=" + f.time.milliseconds());
        }
        assertThat(events.seen).containsExactlyElementsOf(expected);
    }

    /** What the listener was told, in order. */
    private static final class Events implements DeliveryListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onAcknowledged(long tag, TopicPartition partition, long offset, long timestamp) {
            seen.add("acknowledged tag=" + tag + " " + partition + " offset=" + offset + " timestamp=" + timestamp);
        }

        @Override
        public void onFailed(long tag, TopicPartition partition, Exception exception) {
            seen.add("failed tag=" + tag + " " + partition + " " + exception.getClass().getSimpleName() + ": "
                    + exception.getMessage());
        }
    }
}
