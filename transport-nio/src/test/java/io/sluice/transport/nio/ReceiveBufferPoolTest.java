package io.sluice.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ReceiveBufferPoolTest {

    @Test
    void shouldHandBackTheSameBufferForFramesOfSimilarSize() {
        ReceiveBufferPool pool = new ReceiveBufferPool(1 << 20, 4);

        ByteBuffer first = pool.acquire(3000);
        pool.release(first);
        ByteBuffer second = pool.acquire(4000);

        assertThat(second).isSameAs(first);
        assertThat(second.capacity()).isEqualTo(4096);
        assertThat(second.position()).isZero();
        assertThat(second.limit()).isEqualTo(4000);
        assertThat(pool.allocations()).isEqualTo(1);
    }

    @Test
    void shouldRestoreBigEndianOrderOnRelease() {
        ReceiveBufferPool pool = new ReceiveBufferPool(1 << 20, 4);
        ByteBuffer buffer = pool.acquire(10);
        buffer.order(ByteOrder.LITTLE_ENDIAN).position(5);

        pool.release(buffer);

        assertThat(pool.acquire(10).order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    @Test
    void shouldPickTheSmallestPooledBufferThatFits() {
        ReceiveBufferPool pool = new ReceiveBufferPool(1 << 20, 4);
        ByteBuffer large = pool.acquire(100_000);
        ByteBuffer small = pool.acquire(2000);
        pool.release(large);
        pool.release(small);

        assertThat(pool.acquire(1500)).isSameAs(small);
        assertThat(pool.acquire(50_000)).isSameAs(large);
        assertThat(pool.acquire(1500).capacity()).as("a new buffer once none is left").isEqualTo(2048);
        assertThat(pool.allocations()).isEqualTo(3);
    }

    @Test
    void shouldNotKeepBuffersAboveTheCapacityLimitOrBeyondTheCount() {
        ReceiveBufferPool pool = new ReceiveBufferPool(64 * 1024, 2);

        ByteBuffer oversized = pool.acquire(100_000);
        assertThat(oversized.capacity()).isEqualTo(100_000);
        pool.release(oversized);
        assertThat(pool.pooled()).isZero();

        pool.release(pool.acquire(10));
        ByteBuffer a = pool.acquire(10);
        ByteBuffer b = pool.acquire(10);
        ByteBuffer c = pool.acquire(10);
        pool.release(a);
        pool.release(b);
        pool.release(c);
        assertThat(pool.pooled()).isEqualTo(2);
    }

    @Test
    void shouldServeEmptyFrames() {
        ByteBuffer empty = new ReceiveBufferPool().acquire(0);

        assertThat(empty.remaining()).isZero();
    }
}
