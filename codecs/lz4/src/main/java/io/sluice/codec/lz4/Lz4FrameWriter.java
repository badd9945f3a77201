package io.sluice.codec.lz4;

import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Compressor;

/**
 * Compresses a whole batch from one {@link ByteBuffer} into another as one LZ4 frame: lz4-java
 * compresses each 64 KiB block straight into the target (heap or direct, no scratch buffer);
 * a block that does not shrink is then overwritten with the input bytes and flagged as stored,
 * exactly as Kafka's {@code Lz4BlockOutputStream} decides. Stateless.
 */
final class Lz4FrameWriter {

    private Lz4FrameWriter() {
    }

    static int compress(ByteBuffer source, ByteBuffer target, int level) {
        LZ4Compressor compressor = Lz4Library.compressor(level);
        int inputLength = source.remaining();
        int needed = Lz4Frame.maxCompressedLength(inputLength);
        if (target.remaining() < needed) {
            throw new IllegalArgumentException("lz4: target has " + target.remaining()
                    + " bytes remaining but compressing " + inputLength
                    + " bytes needs up to maxCompressedLength = " + needed);
        }
        int start = target.position();
        Lz4Frame.writeHeader(target);
        ByteBuffer input = accessible(source);
        int offset = input.position();
        int end = input.limit();
        int out = target.position();
        while (offset < end) {
            int blockLength = Math.min(Lz4Frame.MAX_BLOCK_SIZE, end - offset);
            out = writeBlock(compressor, input, offset, blockLength, target, out);
            offset += blockLength;
        }
        Lz4Frame.putIntLE(target, out, 0);
        target.position(out + Lz4Frame.END_MARK_LENGTH);
        source.position(source.limit());
        return target.position() - start;
    }

    /**
     * lz4-java reaches heap buffers through their array; for a read-only heap buffer (no array) it
     * would fall back to its pure-Java code, which is slower and may choose other matches than
     * Kafka's. Such a source (rare) is copied once instead.
     */
    private static ByteBuffer accessible(ByteBuffer source) {
        if (source.isDirect() || source.hasArray()) {
            return source;
        }
        ByteBuffer copy = ByteBuffer.allocate(source.remaining());
        copy.put(source.duplicate()).flip();
        return copy;
    }

    /** Writes one block (size field and data) at {@code out}; returns the index after it. */
    private static int writeBlock(LZ4Compressor compressor, ByteBuffer source, int offset, int length,
                                  ByteBuffer target, int out) {
        int data = out + Lz4Frame.BLOCK_SIZE_FIELD;
        int compressed = compressor.compress(source, offset, length, target, data, target.limit() - data);
        if (compressed < length) {
            Lz4Frame.putIntLE(target, out, compressed);
            return data + compressed;
        }
        target.put(data, source, offset, length);
        Lz4Frame.putIntLE(target, out, length | Lz4Frame.STORED_BLOCK_FLAG);
        return data + length;
    }
}
