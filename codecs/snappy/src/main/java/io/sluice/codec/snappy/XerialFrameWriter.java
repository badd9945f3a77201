package io.sluice.codec.snappy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Compresses a whole batch from one {@link ByteBuffer} into another in xerial framing, byte for
 * byte what snappy-java's {@code SnappyOutputStream} writes. Each 32 KiB block is compressed by
 * snappy-java's native code straight into the target when both buffers are heap or both direct;
 * mixed kinds go through one pooled scratch array (snappy-java has no mixed call).
 *
 * <p>Thread-safe: stateless apart from the shared lock-free scratch pool.
 */
final class XerialFrameWriter {

    private final IdlePool<SnappyScratch> scratchPool;

    XerialFrameWriter(IdlePool<SnappyScratch> scratchPool) {
        this.scratchPool = scratchPool;
    }

    int compress(ByteBuffer source, ByteBuffer target) {
        int inputLength = source.remaining();
        int needed = XerialFraming.maxCompressedLength(inputLength);
        if (target.remaining() < needed) {
            throw new IllegalArgumentException("snappy: target has " + target.remaining()
                    + " bytes remaining but compressing " + inputLength
                    + " bytes needs up to maxCompressedLength = " + needed);
        }
        SnappyNativeLibrary.ensureAvailable();
        int start = target.position();
        XerialFraming.writeHeader(target);
        SnappyScratch scratch = null;
        try {
            int offset = source.position();
            int end = source.limit();
            while (offset < end) {
                int length = Math.min(XerialFraming.BLOCK_SIZE, end - offset);
                if (scratch == null && !sameKind(source, target)) {
                    scratch = borrowScratch();
                }
                int compressed = compressBlock(source, offset, length, target, target.position() + 4, scratch);
                putIntBE(target, target.position(), compressed);
                target.position(target.position() + 4 + compressed);
                offset += length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("snappy: compression failed: " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                scratchPool.offer(scratch);
            }
        }
        source.position(source.limit());
        return target.position() - start;
    }

    private SnappyScratch borrowScratch() {
        SnappyScratch scratch = scratchPool.poll();
        return scratch != null ? scratch : new SnappyScratch();
    }

    private static boolean sameKind(ByteBuffer source, ByteBuffer target) {
        return (source.hasArray() && target.hasArray()) || (source.isDirect() && target.isDirect());
    }

    /** Compresses {@code source[offset, offset+length)} to {@code target} at index {@code at}; returns the compressed length. */
    private static int compressBlock(ByteBuffer source, int offset, int length, ByteBuffer target, int at,
                                     SnappyScratch scratch) throws IOException {
        if (source.hasArray() && target.hasArray()) {
            return SnappyBlocks.compress(source.array(), source.arrayOffset() + offset, length,
                    target.array(), target.arrayOffset() + at);
        }
        if (source.isDirect() && target.isDirect()) {
            return SnappyBlocks.compress(source.duplicate().limit(offset + length).position(offset),
                    target.duplicate().position(at));
        }
        byte[] input;
        int inputOffset;
        if (source.hasArray()) {
            input = source.array();
            inputOffset = source.arrayOffset() + offset;
        } else {
            source.get(offset, scratch.input, 0, length);
            input = scratch.input;
            inputOffset = 0;
        }
        if (target.hasArray()) {
            return SnappyBlocks.compress(input, inputOffset, length, target.array(), target.arrayOffset() + at);
        }
        int compressed = SnappyBlocks.compress(input, inputOffset, length, scratch.chunk, 0);
        target.put(at, scratch.chunk, 0, compressed);
        return compressed;
    }

    private static void putIntBE(ByteBuffer target, int index, int value) {
        target.put(index, (byte) (value >>> 24));
        target.put(index + 1, (byte) (value >>> 16));
        target.put(index + 2, (byte) (value >>> 8));
        target.put(index + 3, (byte) value);
    }
}
