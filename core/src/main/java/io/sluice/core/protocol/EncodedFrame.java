package io.sluice.core.protocol;

import java.nio.ByteBuffer;

/**
 * One encoded request, header and body, ready for {@code Transport.send(connectionId, buffers, count)}:
 * the remaining bytes of {@code buffers[0..count)} in order. The transport writes the 4-byte size
 * prefix itself ({@link #sizeInBytes}). Some buffers may be views of record batches owned
 * elsewhere: they share the batch's memory, so the batch must stay untouched until the frame is
 * reported sent.
 *
 * @param buffers     the frame's pieces (the array may be longer than {@code count})
 * @param count       how many of {@code buffers} belong to the frame
 * @param sizeInBytes the sum of their remaining bytes: the frame's size without the size prefix
 */
public record EncodedFrame(ByteBuffer[] buffers, int count, int sizeInBytes) {

    /** The frame's bytes in one new array: for tests and logs, never on the send path. */
    public byte[] toByteArray() {
        byte[] bytes = new byte[sizeInBytes];
        int at = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer piece = buffers[i].duplicate();
            int n = piece.remaining();
            piece.get(bytes, at, n);
            at += n;
        }
        return bytes;
    }
}
