package io.sluice.codec.gzip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import io.sluice.api.spi.Compressor;

/**
 * {@code compression.type=gzip} (Kafka codec id 1): one gzip member (RFC 1952) per batch, written
 * with the JDK's zlib exactly as Kafka's {@code GzipCompression} writes it, so the bytes are the
 * official client's.
 *
 * <p>Levels follow Kafka's {@code compression.gzip.level}: {@link #defaultLevel()} is -1
 * ({@code Deflater.DEFAULT_COMPRESSION}, zlib's level 6), and the valid explicit levels are
 * {@link #minLevel()} 1 to {@link #maxLevel()} 9. So the valid set is "-1 or 1..9": the default
 * lies outside {@code [minLevel, maxLevel]} on purpose, and 0 (stored, no compression) is refused
 * as Kafka refuses it.
 *
 * <p>Thread-safe: one instance serves all threads of a producer. Deflaters (about 256 KiB of
 * native zlib state each) are pooled per level and reused across batches; {@link #close()} frees
 * the idle ones. Pure Java: works on every platform, no native library to load.
 */
public final class GzipCompressor implements Compressor {

    private final DeflaterPools deflaters = new DeflaterPools();
    private final GzipBufferCompression buffers = new GzipBufferCompression(deflaters);

    /** For {@link java.util.ServiceLoader}. */
    public GzipCompressor() {
    }

    @Override
    public String name() {
        return "gzip";
    }

    @Override
    public byte id() {
        return 1;
    }

    @Override
    public boolean hasLevels() {
        return true;
    }

    /** -1, i.e. {@code Deflater.DEFAULT_COMPRESSION} (zlib level 6), as Kafka. */
    @Override
    public int defaultLevel() {
        return GzipFormat.DEFAULT_LEVEL;
    }

    @Override
    public int minLevel() {
        return GzipFormat.MIN_LEVEL;
    }

    @Override
    public int maxLevel() {
        return GzipFormat.MAX_LEVEL;
    }

    @Override
    public OutputStream compress(OutputStream out, int level) throws IOException {
        return new GzipFrameOutputStream(out, deflaters, level);
    }

    @Override
    public InputStream decompress(InputStream in) throws IOException {
        return GzipDecompression.open(in);
    }

    @Override
    public int maxCompressedLength(int sourceLength) {
        return GzipFormat.maxCompressedLength(sourceLength);
    }

    @Override
    public int compress(ByteBuffer source, ByteBuffer target, int level) {
        return buffers.compress(source, target, level);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer source) {
        return GzipDecompression.decompress(source);
    }

    /** Frees the idle pooled Deflaters; a stream still open frees its own when it closes. */
    @Override
    public void close() {
        deflaters.close();
    }

    @Override
    public String toString() {
        return "GzipCompressor[gzip, id 1, levels -1 (default) or 1..9]";
    }
}
