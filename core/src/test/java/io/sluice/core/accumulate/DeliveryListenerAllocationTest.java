package io.sluice.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.DeliveryListener;
import io.sluice.api.Node;
import io.sluice.api.RecordHeaders;
import io.sluice.api.TopicPartition;
import io.sluice.core.intercept.Interceptors;
import io.sluice.core.record.ThreadAllocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A record sent with a {@link DeliveryListener} costs no object of its own from append to completion:
 * the budget is 8 bytes per record in steady state, beyond the user's objects. What remains is
 * per batch (the batch, its builder, the drain's lists), spread over its records. Measured with the
 * JVM's per-thread allocation counter over append, drain, completion and release on one thread, never
 * with time.
 */
class DeliveryListenerAllocationTest {

    private static final int RECORDS = 300_000;
    private static final Node BROKER = new Node(1, "localhost", 9092);

    @Test
    void shouldAllocateLessThanEightBytesPerRecordFromAppendToTheListener() throws Exception {
        ThreadAllocation allocation = ThreadAllocation.ofCurrentThread();
        assertThat(allocation.isSupported())
                .as("this JVM must count allocation per thread (com.sun.management.ThreadMXBean), or this test measures nothing")
                .isTrue();
        AccumulatorFixture f = new AccumulatorFixture(64 * 1024, 0, 32 << 20, false);
        f.leaders.lead(BROKER, "t", 0, 1, 2);
        Counting listener = new Counting();
        byte[] value = "v".repeat(100).getBytes();
        RecordHeaders headers = new RecordHeaders();
        headers.setReadOnly();
        TopicQueues topic = f.accumulator.topic("t");
        Interceptors<Object, Object> completions = new Interceptors<>(List.of());

        sendAndComplete(f, topic, value, headers, listener, completions); // warm-up: let the JIT compile the path
        long before = allocation.bytes();
        sendAndComplete(f, topic, value, headers, listener, completions);
        long allocated = allocation.bytes() - before;

        System.out.printf("allocated %d bytes for %d records sent with a listener (%.3f per record)%n", allocated, RECORDS,
                (double) allocated / RECORDS);
        assertThat(listener.acknowledged).isEqualTo(2L * RECORDS);
        assertThat((double) allocated / RECORDS).as("bytes allocated per record (%d in total)", allocated).isLessThan(8.0);
    }

    /** Appends RECORDS records over three partitions and completes every batch they filled, as the sender would. */
    private static void sendAndComplete(AccumulatorFixture f, TopicQueues topic, byte[] value, RecordHeaders headers,
                                        Counting listener, Interceptors<Object, Object> completions) {
        long offset = 0;
        for (int i = 0; i < RECORDS; i++) {
            f.accumulator.append(topic, i % 3, 1_700_000_000_000L, null, value, headers, listener, i, 1000,
                    AppendObserver.NONE, 0, f.time.monotonicMs());
            if (i % 2048 == 2047 || i == RECORDS - 1) { // linger.ms=0: every batch drains, the last ones not full
                // a drain takes one batch per partition, as a request would: drain until nothing is left
                for (List<ProducerBatch> drained; !(drained = f.drainAll(1 << 20).getOrDefault(1, List.of())).isEmpty(); ) {
                    for (ProducerBatch batch : drained) {
                        batch.complete(ProducerBatch.FinalState.SUCCEEDED, offset, -1, null, completions);
                        offset += batch.recordCount();
                        f.accumulator.release(batch);
                    }
                }
            }
        }
    }

    /** Counts acknowledgements; a failure fails the test. */
    private static final class Counting implements DeliveryListener {
        long acknowledged;

        @Override
        public void onAcknowledged(long tag, TopicPartition partition, long offset, long timestamp) {
            acknowledged++;
        }

        @Override
        public void onFailed(long tag, TopicPartition partition, Exception exception) {
            throw new AssertionError("record " + tag + " failed", exception);
        }
    }
}
