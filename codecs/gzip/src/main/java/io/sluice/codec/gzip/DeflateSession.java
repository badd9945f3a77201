package io.sluice.codec.gzip;

import java.util.zip.Deflater;

/**
 * A zlib Deflater for one level (raw deflate, the gzip framing is ours) plus the two buffers a
 * gzip stream needs, kept together so a pooled session costs no allocation per batch.
 *
 * <p>Not thread-safe: owned by one thread between borrowing it from a {@link DeflaterPools} and
 * giving it back. A session is only ever {@link Deflater#reset() reset}, never re-levelled, so a
 * reused Deflater writes exactly the bytes a fresh one (and so Kafka's GZIPOutputStream) writes.
 */
final class DeflateSession {

    /** Uncompressed bytes gathered before each deflate call, as Kafka's 16 KiB BufferedOutputStream. */
    static final int INPUT_BUFFER_SIZE = 16 * 1024;
    /** The deflater output buffer, as Kafka's 8 KiB GZIPOutputStream buffer. */
    static final int OUTPUT_BUFFER_SIZE = 8 * 1024;

    final int level;
    final Deflater deflater;
    final byte[] input = new byte[INPUT_BUFFER_SIZE];
    final byte[] output = new byte[OUTPUT_BUFFER_SIZE];

    DeflateSession(int level) {
        this.level = level;
        this.deflater = new Deflater(level, true);
    }

    void end() {
        deflater.end();
    }
}
