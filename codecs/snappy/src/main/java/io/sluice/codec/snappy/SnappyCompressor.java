package io.sluice.codec.snappy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import io.sluice.api.spi.Compressor;

/**
 * {@code compression.type=snappy} (Kafka codec id 2): writes xerial snappy-java framing byte for
 * byte as Kafka's Java client does ({@link XerialFraming}); reads that framing and also the raw
 * snappy blocks librdkafka and franz-go write. snappy has no levels: the level argument of the
 * compress methods is ignored.
 *
 * <p>Thread-safe: one instance serves all threads of a producer. Blocks are compressed straight
 * between the caller's buffers where snappy-java allows; streams and mixed heap/direct batches
 * borrow scratch buffers from a small pool that {@link #close()} lets go. The native library is
 * loaded on first use, not when {@code ServiceLoader} instantiates this class; {@link #configure}
 * checks it, so a platform snappy-java cannot serve fails at producer construction with a message
 * saying what to do.
 */
public final class SnappyCompressor implements Compressor {

    private final IdlePool<SnappyScratch> scratchPool = new IdlePool<>(IdlePool.defaultCapacity(), scratch -> { });
    private final XerialFrameWriter writer = new XerialFrameWriter(scratchPool);

    /** For {@link java.util.ServiceLoader}. */
    public SnappyCompressor() {
    }

    /**
     * Loads snappy-java's native library.
     *
     * @throws io.sluice.api.errors.ConfigException for {@code compression.type} if it cannot load on
     *         this platform, naming the platform, the error and the alternatives
     */
    @Override
    public void configure(Map<String, ?> configs) {
        SnappyNativeLibrary.ensureConfigurable();
    }

    @Override
    public String name() {
        return "snappy";
    }

    @Override
    public byte id() {
        return 2;
    }

    @Override
    public OutputStream compress(OutputStream out, int level) throws IOException {
        return new XerialFrameOutputStream(out, scratchPool);
    }

    @Override
    public InputStream decompress(InputStream in) {
        SnappyNativeLibrary.ensureAvailable();
        return new SnappyFrameInputStream(in);
    }

    @Override
    public int maxCompressedLength(int sourceLength) {
        return XerialFraming.maxCompressedLength(sourceLength);
    }

    @Override
    public int compress(ByteBuffer source, ByteBuffer target, int level) {
        return writer.compress(source, target);
    }

    /** Decodes from the source's array in place; a direct or read-only source is copied once (it is the small side). */
    @Override
    public ByteBuffer decompress(ByteBuffer source) {
        SnappyNativeLibrary.ensureAvailable();
        try {
            byte[] out;
            if (source.hasArray()) {
                out = SnappyArrayDecoder.decode(source.array(), source.arrayOffset() + source.position(), source.remaining());
            } else {
                byte[] copy = new byte[source.remaining()];
                source.duplicate().get(copy);
                out = SnappyArrayDecoder.decode(copy, 0, copy.length);
            }
            return ByteBuffer.wrap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            source.position(source.limit());
        }
    }

    @Override
    public void close() {
        scratchPool.close();
    }

    @Override
    public String toString() {
        return "SnappyCompressor[snappy, id 2, no levels]";
    }
}
