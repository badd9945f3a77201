package io.sluice.codec.zstd;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import io.sluice.api.spi.Compressor;

/**
 * {@code compression.type=zstd} (Kafka codec id 4, needs Produce v7+ brokers, i.e. Kafka 2.1+):
 * one standard zstd frame per batch, which Kafka brokers and consumers (and librdkafka, franz-go)
 * read. The frame bytes are not meant to equal the Java client's (Kafka streams its frames and
 * omits the content size; whole-batch compression here records it), only to decode the same.
 *
 * <p>Levels follow Kafka's {@code compression.zstd.level}: {@link #minLevel()} -131072
 * ({@code ZSTD_minCLevel()}) to {@link #maxLevel()} 22, default 3; negative levels trade ratio for
 * speed, 0 means zstd's default (3).
 *
 * <p>Thread-safe: one instance serves all threads of a producer. zstd contexts are pooled and
 * reused across batches instead of being created per batch; {@link #close()} frees the idle ones.
 * The native library is loaded on first use, not when {@code ServiceLoader} instantiates this
 * class; {@link #configure} checks it, so a platform zstd-jni cannot serve fails at producer
 * construction with a message saying what to do.
 */
public final class ZstdCompressor implements Compressor {

    private final ZstdContexts contexts = new ZstdContexts();
    private final ZstdBufferCodec buffers = new ZstdBufferCodec(contexts);

    /** For {@link java.util.ServiceLoader}. */
    public ZstdCompressor() {
    }

    /**
     * Loads zstd-jni's native library.
     *
     * @throws io.sluice.api.errors.ConfigException for {@code compression.type} if it cannot load on
     *         this platform, naming the platform, the error and the alternatives
     */
    @Override
    public void configure(Map<String, ?> configs) {
        ZstdNativeLibrary.ensureConfigurable();
    }

    @Override
    public String name() {
        return "zstd";
    }

    @Override
    public byte id() {
        return 4;
    }

    @Override
    public boolean hasLevels() {
        return true;
    }

    @Override
    public int defaultLevel() {
        return ZstdLevels.DEFAULT_LEVEL;
    }

    /** -131072, {@code ZSTD_minCLevel()}, as Kafka. */
    @Override
    public int minLevel() {
        return ZstdLevels.MIN_LEVEL;
    }

    @Override
    public int maxLevel() {
        return ZstdLevels.MAX_LEVEL;
    }

    @Override
    public OutputStream compress(OutputStream out, int level) {
        return new ZstdFrameOutputStream(out, contexts, level);
    }

    @Override
    public InputStream decompress(InputStream in) {
        return new ZstdFrameInputStream(in, contexts);
    }

    @Override
    public int maxCompressedLength(int sourceLength) {
        return ZstdLevels.maxCompressedLength(sourceLength);
    }

    @Override
    public int compress(ByteBuffer source, ByteBuffer target, int level) {
        return buffers.compress(source, target, level);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer source) {
        return buffers.decompress(source);
    }

    /** Frees the pooled zstd contexts; streams still open free theirs when they close. */
    @Override
    public void close() {
        contexts.close();
    }

    @Override
    public String toString() {
        return "ZstdCompressor[zstd, id 4, levels -131072..22, default 3]";
    }
}
