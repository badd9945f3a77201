package io.sluice.core.record;

import java.nio.ByteBuffer;

/**
 * A reusable work buffer that a sealing {@link RecordBatchBuilder} compresses into before the
 * compressed bytes are copied back over the batch's records. It grows to the largest
 * {@code Compressor.maxCompressedLength} seen and is then reused, so sealing allocates nothing in
 * steady state.
 *
 * <p>Thread-confined: owned by the one thread that seals batches with it (the sender thread, or
 * one instance per user thread, e.g. in a {@code ThreadLocal}, if batches are sealed on the
 * thread that found them full).
 */
public final class CompressionScratch {

    private final boolean direct;
    private ByteBuffer buffer;

    /** @param direct whether to allocate direct buffers (pick what the codecs prefer) */
    public CompressionScratch(boolean direct) {
        this.direct = direct;
        this.buffer = allocate(0);
    }

    /** A heap scratch. */
    public CompressionScratch() {
        this(false);
    }

    /**
     * The scratch buffer, cleared (position 0, limit = capacity) and at least {@code minCapacity}
     * bytes large. The returned buffer is only valid until the next call.
     */
    public ByteBuffer clear(int minCapacity) {
        if (minCapacity < 0) {
            throw new IllegalArgumentException("Scratch capacity must be >= 0, got " + minCapacity);
        }
        if (buffer.capacity() < minCapacity) {
            long grown = Math.max(minCapacity, buffer.capacity() + (long) (buffer.capacity() >> 1));
            buffer = allocate((int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
        return buffer.clear();
    }

    public int capacity() {
        return buffer.capacity();
    }

    private ByteBuffer allocate(int capacity) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }
}
