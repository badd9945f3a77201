package io.sluice.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.BufferExhaustedException;
import io.sluice.api.errors.InterruptException;
import io.sluice.core.time.Time;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BufferPoolTest {

    private final AtomicInteger exhausted = new AtomicInteger();
    private final PoolWaitRecorder recorder = new PoolWaitRecorder() {
        @Override
        public void waited(long nanos) {
        }

        @Override
        public void exhausted() {
            exhausted.incrementAndGet();
        }
    };
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private BufferPool pool(long total, int batchSize) {
        return new BufferPool(total, batchSize, BufferAllocator.HEAP, Time.SYSTEM, recorder);
    }

    @Test
    void shouldRoundRequestsUpToTheirSizeClassAndRecycleBuffers() {
        BufferPool pool = pool(64 * 1024, 16 * 1024);
        ByteBuffer small = pool.allocate(100, 0);
        assertThat(small.capacity()).isEqualTo(1024);
        ByteBuffer full = pool.allocate(16 * 1024, 0);
        assertThat(full.capacity()).isEqualTo(16 * 1024);
        assertThat(pool.usedMemory()).isEqualTo(17 * 1024);

        pool.deallocate(full);
        assertThat(pool.allocate(9000, 0)).isSameAs(full); // 9000 rounds up to the 16K class
    }

    @Test
    void shouldNotPoolARecordLargerThanBatchSizeButGiveItsMemoryBack() {
        BufferPool pool = pool(64 * 1024, 16 * 1024);
        ByteBuffer big = pool.allocate(20_000, 0);
        assertThat(big.capacity()).isEqualTo(20_000);
        assertThat(pool.availableMemory()).isEqualTo(64 * 1024 - 20_000);
        pool.deallocate(big);
        assertThat(pool.availableMemory()).isEqualTo(64 * 1024);
    }

    @Test
    void shouldRefuseARequestLargerThanTheWholePool() {
        BufferPool pool = pool(8 * 1024, 4 * 1024);
        assertThatThrownBy(() -> pool.allocate(9000, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buffer.memory is only 8192 bytes");
    }

    @Test
    void shouldFailWithAClearMessageAfterMaxBlockMsWhenMemoryIsExhausted() {
        BufferPool pool = pool(4 * 1024, 4 * 1024);
        pool.allocate(4 * 1024, 0);
        assertThatThrownBy(() -> pool.allocate(1024, 20))
                .isInstanceOf(BufferExhaustedException.class)
                .hasMessageStartingWith("Failed to allocate 1024 bytes within max.block.ms=20 ms: buffer.memory=4096 bytes")
                .hasMessageContaining("raise buffer.memory or max.block.ms");
        assertThat(exhausted).hasValue(1);
        assertThat(pool.queued()).isZero();
    }

    @Test
    void shouldHandAWaitingThreadTheMemoryAnotherThreadFrees() throws Exception {
        BufferPool pool = pool(4 * 1024, 4 * 1024);
        ByteBuffer held = pool.allocate(4 * 1024, 0);
        Future<ByteBuffer> waiting = threads.submit(() -> pool.allocate(2048, 60_000));
        awaitQueued(pool, 1);
        pool.deallocate(held);
        assertThat(waiting.get(10, TimeUnit.SECONDS).capacity()).isEqualTo(2048);
        assertThat(pool.usedMemory()).isEqualTo(2048);
    }

    @Test
    void shouldServeWaitersFirstComeFirstServed() throws Exception {
        BufferPool pool = pool(4 * 1024, 4 * 1024);
        ByteBuffer held = pool.allocate(4 * 1024, 0);
        List<String> order = new CopyOnWriteArrayList<>();
        Future<?> first = threads.submit(() -> {
            pool.allocate(4 * 1024, 60_000);
            order.add("first");
        });
        awaitQueued(pool, 1);
        Future<?> second = threads.submit(() -> {
            pool.allocate(4 * 1024, 60_000);
            order.add("second");
        });
        awaitQueued(pool, 2);
        assertThat(pool.tryAllocate(1024)).as("no overtaking of waiting threads").isNull();

        pool.deallocate(held);
        first.get(10, TimeUnit.SECONDS);
        assertThat(order).containsExactly("first");
        assertThat(second.isDone()).isFalse();
    }

    @Test
    void shouldReleaseFreeBuffersOfOtherSizesToServeARequest() {
        BufferPool pool = pool(4 * 1024, 4 * 1024);
        ByteBuffer a = pool.allocate(1024, 0);
        ByteBuffer b = pool.allocate(1024, 0);
        ByteBuffer c = pool.allocate(2048, 0);
        pool.deallocate(a);
        pool.deallocate(b);
        pool.deallocate(c);
        assertThat(pool.allocate(4 * 1024, 0).capacity()).isEqualTo(4 * 1024);
        assertThat(pool.availableMemory()).isZero();
    }

    @Test
    void tryAllocateShouldReturnNullInsteadOfWaiting() {
        BufferPool pool = pool(2 * 1024, 2 * 1024);
        assertThat(pool.tryAllocate(2048)).isNotNull();
        assertThat(pool.tryAllocate(10)).isNull();
    }

    @Test
    void shouldWakeWaitersWithAnErrorWhenClosed() throws Exception {
        BufferPool pool = pool(1024, 1024);
        pool.allocate(1024, 0);
        Future<ByteBuffer> waiting = threads.submit(() -> pool.allocate(1024, 60_000));
        awaitQueued(pool, 1);
        pool.close();
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The producer is closing");
    }

    @Test
    void shouldTurnAnInterruptWhileWaitingIntoInterruptExceptionAndKeepTheFlag() throws Exception {
        BufferPool pool = pool(1024, 1024);
        pool.allocate(1024, 0);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger flagKept = new AtomicInteger();
        Thread t = new Thread(() -> {
            try {
                pool.allocate(1024, 60_000);
            } catch (InterruptException e) {
                if (Thread.currentThread().isInterrupted()) {
                    flagKept.incrementAndGet();
                }
            } finally {
                done.countDown();
            }
        });
        t.start();
        awaitQueued(pool, 1);
        t.interrupt();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(flagKept).hasValue(1);
        assertThat(pool.queued()).isZero();
        assertThat(pool.availableMemory()).isZero();
    }

    @Test
    void memoryInUseNeverExceedsBufferMemoryUnderConcurrentChurn() throws Exception {
        BufferPool pool = pool(64 * 1024, 16 * 1024);
        AtomicInteger overshoot = new AtomicInteger();
        int[] sizes = {100, 1500, 5000, 16 * 1024, 30_000};
        List<Future<?>> workers = new java.util.ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            workers.add(threads.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    ByteBuffer b = pool.allocate(sizes[(i + seed) % sizes.length], 60_000);
                    if (pool.usedMemory() > pool.totalMemory()) {
                        overshoot.incrementAndGet();
                    }
                    pool.deallocate(b);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(overshoot).hasValue(0);
        assertThat(pool.availableMemory()).isEqualTo(64 * 1024);
    }

    private static void awaitQueued(BufferPool pool, int n) throws InterruptedException {
        while (pool.queued() < n) {
            Thread.sleep(1); // waiting for another thread to block, not for time to pass
        }
    }
}
