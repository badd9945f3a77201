package io.sluice.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Node;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.record.CompressionScratch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A user thread may start compressing a batch (it filled up and stopped being the last one) just after the drain
 * took it from its queue: the sender's close must wait for that compression, not throw. Before the fix the throw
 * escaped the drain, and every batch drained in that round was neither sent nor completed (records lost).
 */
class SealRaceTest {

    @Test
    void shouldWaitForAUserThreadsSealInsteadOfFailingTheDrain() throws Exception {
        GatedGzip gzip = new GatedGzip();
        AccumulatorFixture f = new AccumulatorFixture(16_384, 0, 1 << 20, false, BatchCompression.of(gzip), 120_000);
        f.leaders.lead(new Node(1, "h", 9092), "t", 0);
        f.append("t", 0, "a record");
        AtomicReference<Throwable> closeFailure = new AtomicReference<>();

        Map<Integer, List<ProducerBatch>> drained = f.accumulator.drain(f.leaders, f.ready().readyNodes(), 1 << 20,
                (batch, scratch) -> {
                    // the user thread's seal starts first and holds the batch in SEALING at the gate
                    Thread user = new Thread(() -> batch.trySeal(new CompressionScratch()), "user-thread-seal");
                    user.start();
                    await(gzip.entered);
                    Thread sender = new Thread(() -> {
                        try {
                            RecordAccumulator.BatchStamper.NONE.stamp(batch, scratch);
                        } catch (Throwable t) {
                            closeFailure.set(t);
                        }
                    }, "sender-close");
                    sender.start();
                    while (sender.getState() != Thread.State.WAITING && sender.getState() != Thread.State.TERMINATED) {
                        Thread.onSpinWait(); // until the close waits for the seal (or, without the fix, has thrown)
                    }
                    gzip.gate.countDown();
                    join(user);
                    join(sender);
                }, AccumulatorFixture.FAIL_ON_UNPREPARED, f.time.monotonicMs());

        assertThat(closeFailure.get()).isNull();
        assertThat(drained.get(1)).hasSize(1);
        ProducerBatch batch = drained.get(1).get(0);
        assertThat(batch.isClosed()).isTrue();
        assertThat(batch.recordCount()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
