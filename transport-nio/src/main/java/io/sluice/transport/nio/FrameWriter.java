package io.sluice.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Queues one connection's outgoing frames and writes them with gathering writes straight from the
 * caller's buffers: each frame is its 4-byte big-endian size prefix (a small buffer recycled with
 * the frame's queue slot) followed by the caller's payload buffers, which are never copied. One
 * write takes as many queued frames as fit in {@link #MAX_GATHER} buffers, so several frames queued
 * between two polls leave in one system call.
 *
 * <p>A partial write leaves the rest where it was: the buffers' positions record how far each got,
 * and the next {@link #writeTo} goes on from there. A frame counts as sent once all its bytes were
 * taken by the layer; {@link #writeTo} returns how many frames completed, oldest first.
 *
 * <p>Owned by the sender thread, like the {@link Connection} that holds it. Queue slots are linked
 * nodes recycled through a free list, so queueing and writing allocate nothing in steady state.
 */
final class FrameWriter {

    /**
     * The most buffers handed to one gathering write. Linux's IOV_MAX; the JDK writes at most that
     * many per call anyway, so a longer array would only be walked for nothing.
     */
    static final int MAX_GATHER = 1024;

    private static final int SIZE_PREFIX_BYTES = 4;

    /** One queued frame: its size prefix and references to the caller's payload buffers. */
    private static final class PendingFrame {
        final ByteBuffer sizePrefix = ByteBuffer.allocate(SIZE_PREFIX_BYTES);
        ByteBuffer[] buffers = new ByteBuffer[4];
        int count;
        /** Index of the first payload buffer that may still have bytes to write. */
        int firstUnwritten;
        /** Bytes of this frame (prefix included) the layer has not taken yet. */
        long unwritten;
        PendingFrame next;

        void set(ByteBuffer[] payload, int payloadCount, int size) {
            if (buffers.length < payloadCount) {
                buffers = new ByteBuffer[Math.max(payloadCount, buffers.length * 2)];
            }
            System.arraycopy(payload, 0, buffers, 0, payloadCount);
            count = payloadCount;
            firstUnwritten = 0;
            unwritten = SIZE_PREFIX_BYTES + (long) size;
            sizePrefix.clear();
            sizePrefix.putInt(0, size);
        }

        void clear() {
            Arrays.fill(buffers, 0, count, null);
            count = 0;
            next = null;
        }
    }

    private PendingFrame head;
    private PendingFrame tail;
    private PendingFrame free;
    private ByteBuffer[] gather = new ByteBuffer[16];
    private int gatherCount;

    /**
     * Queues one frame of the remaining bytes of {@code payload[0..count)}. The array is not kept;
     * the buffers are, until {@link #writeTo} reports the frame complete.
     *
     * @throws IllegalArgumentException if the frame would be larger than {@code Integer.MAX_VALUE}
     */
    void enqueue(ByteBuffer[] payload, int count) {
        Objects.requireNonNull(payload, "payload");
        Objects.checkFromIndexSize(0, count, payload.length);
        long size = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer buffer = payload[i];
            if (buffer == null) {
                throw new NullPointerException("payload[" + i + "] is null; a frame's buffers must all be present");
            }
            size += buffer.remaining();
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A frame of " + size + " bytes does not fit Kafka's 4-byte size "
                    + "prefix (at most " + Integer.MAX_VALUE + " bytes); send smaller requests");
        }
        PendingFrame frame = free;
        if (frame != null) {
            free = frame.next;
        } else {
            frame = new PendingFrame();
        }
        frame.set(payload, count, (int) size);
        frame.next = null;
        if (tail == null) {
            head = frame;
        } else {
            tail.next = frame;
        }
        tail = frame;
    }

    /** Whether frames wait to be written. */
    boolean hasPending() {
        return head != null;
    }

    /**
     * Writes queued frames until they are all written or the layer takes no more.
     *
     * @return how many frames were completed by this call, oldest first
     */
    int writeTo(ByteChannelLayer layer) throws IOException {
        int completed = 0;
        while (head != null) {
            long offered = fillGather();
            long written;
            try {
                written = layer.write(gather, 0, gatherCount);
            } finally {
                Arrays.fill(gather, 0, gatherCount, null);
            }
            completed += retire(written);
            if (written < offered) {
                break;
            }
        }
        return completed;
    }

    /** Drops every queued frame (the connection is closing) and forgets the caller's buffers. */
    void clear() {
        while (head != null) {
            PendingFrame frame = head;
            head = frame.next;
            recycle(frame);
        }
        tail = null;
    }

    /** Puts the unwritten buffers of the oldest frames into {@link #gather}; returns their byte count. */
    private long fillGather() {
        gatherCount = 0;
        long bytes = 0;
        for (PendingFrame frame = head; frame != null && gatherCount < MAX_GATHER; frame = frame.next) {
            if (frame.sizePrefix.hasRemaining()) {
                bytes += addToGather(frame.sizePrefix);
            }
            while (frame.firstUnwritten < frame.count && !frame.buffers[frame.firstUnwritten].hasRemaining()) {
                frame.firstUnwritten++;
            }
            for (int i = frame.firstUnwritten; i < frame.count && gatherCount < MAX_GATHER; i++) {
                ByteBuffer buffer = frame.buffers[i];
                if (buffer.hasRemaining()) {
                    bytes += addToGather(buffer);
                }
            }
        }
        return bytes;
    }

    private int addToGather(ByteBuffer buffer) {
        if (gatherCount == gather.length) {
            gather = Arrays.copyOf(gather, Math.min(gather.length * 2, MAX_GATHER));
        }
        gather[gatherCount++] = buffer;
        return buffer.remaining();
    }

    /** Accounts {@code written} bytes to the oldest frames; completed ones leave the queue. */
    private int retire(long written) {
        int completed = 0;
        long left = written;
        while (head != null && left >= head.unwritten) {
            left -= head.unwritten;
            PendingFrame frame = head;
            head = frame.next;
            recycle(frame);
            completed++;
        }
        if (head == null) {
            tail = null;
        } else {
            head.unwritten -= left;
        }
        return completed;
    }

    private void recycle(PendingFrame frame) {
        frame.clear();
        frame.next = free;
        free = frame;
    }
}
