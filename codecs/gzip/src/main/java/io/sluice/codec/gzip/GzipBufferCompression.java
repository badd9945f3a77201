package io.sluice.codec.gzip;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses a whole batch from one {@link ByteBuffer} into another as one gzip member, with the
 * Deflater reading and writing the buffers directly (heap or direct, no intermediate copies).
 * Stateless: the pooled Deflater is borrowed and returned within each call.
 */
final class GzipBufferCompression {

    private final DeflaterPools pools;

    GzipBufferCompression(DeflaterPools pools) {
        this.pools = pools;
    }

    int compress(ByteBuffer source, ByteBuffer target, int level) {
        int inputLength = source.remaining();
        int needed = GzipFormat.maxCompressedLength(inputLength);
        if (target.remaining() < needed) {
            throw new IllegalArgumentException("gzip: target has " + target.remaining()
                    + " bytes remaining but compressing " + inputLength
                    + " bytes needs up to maxCompressedLength = " + needed);
        }
        int start = target.position();
        CRC32 crc = new CRC32();
        crc.update(source.duplicate());
        DeflateSession session = pools.borrow(level);
        boolean completed = false;
        try {
            GzipFormat.writeHeader(target);
            Deflater deflater = session.deflater;
            deflater.setInput(source);
            deflater.finish();
            while (!deflater.finished()) {
                if (!target.hasRemaining()) {
                    throw new IllegalStateException("gzip: deflate output exceeded maxCompressedLength("
                            + inputLength + ") = " + needed + "; this is a bug in the gzip codec, please report it");
                }
                deflater.deflate(target);
            }
            GzipFormat.writeTrailer(target, crc.getValue(), inputLength);
            completed = true;
        } finally {
            if (completed) {
                pools.release(session);
            } else {
                pools.discard(session);
            }
        }
        return target.position() - start;
    }
}
