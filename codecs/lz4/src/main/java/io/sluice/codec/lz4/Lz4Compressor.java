package io.sluice.codec.lz4;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import io.sluice.api.spi.Compressor;

/**
 * {@code compression.type=lz4} (Kafka codec id 3): one LZ4 frame per batch, byte for byte the frame
 * Kafka's {@code Lz4BlockOutputStream} writes for magic v2 record batches (see {@link Lz4Frame}).
 *
 * <p>Levels follow Kafka's {@code compression.lz4.level}: 1..17, default 9. Level 9 uses lz4-java's
 * fast compressor and every other level LZ4HC at that level (LZ4HC caps levels above 12 at 12),
 * exactly as Kafka, so the bytes match the official client's at every level.
 *
 * <p>Thread-safe: one instance serves all threads of a producer. ByteBuffer compression keeps no
 * state at all (blocks are compressed straight into the target); ByteBuffer decompression borrows a
 * 64 KiB block buffer, and streams their ~130 KiB of block buffers, from small pools that
 * {@link #close()} lets go. lz4-java is loaded on first
 * use; it runs on every platform (native code where bundled, pure Java elsewhere).
 */
public final class Lz4Compressor implements Compressor {

    private final IdlePool<Lz4FrameOutputStream.Buffers> streamBuffers =
            new IdlePool<>(IdlePool.defaultCapacity(), buffers -> { });
    /** The largest decode block buffer kept for reuse: Kafka's frames use 64 KiB blocks. */
    private static final int POOLED_BLOCK_LIMIT = 64 * 1024;
    /** Block buffers (64 KiB for Kafka's frames) of {@link #decompress(ByteBuffer)}, reused across batches. */
    private final IdlePool<byte[]> decodeBlocks = new IdlePool<>(IdlePool.defaultCapacity(), block -> { });

    /** For {@link java.util.ServiceLoader}. */
    public Lz4Compressor() {
    }

    @Override
    public String name() {
        return "lz4";
    }

    @Override
    public byte id() {
        return 3;
    }

    @Override
    public boolean hasLevels() {
        return true;
    }

    @Override
    public int defaultLevel() {
        return Lz4Frame.DEFAULT_LEVEL;
    }

    @Override
    public int minLevel() {
        return Lz4Frame.MIN_LEVEL;
    }

    @Override
    public int maxLevel() {
        return Lz4Frame.MAX_LEVEL;
    }

    @Override
    public OutputStream compress(OutputStream out, int level) throws IOException {
        return new Lz4FrameOutputStream(out, level, streamBuffers);
    }

    @Override
    public InputStream decompress(InputStream in) {
        return new Lz4FrameInputStream(in);
    }

    @Override
    public int maxCompressedLength(int sourceLength) {
        return Lz4Frame.maxCompressedLength(sourceLength);
    }

    @Override
    public int compress(ByteBuffer source, ByteBuffer target, int level) {
        return Lz4FrameWriter.compress(source, target, level);
    }

    /** Decodes block by block from the source in place (heap or direct) into one growing array. */
    @Override
    public ByteBuffer decompress(ByteBuffer source) {
        Lz4FrameDecoder decoder = new Lz4FrameDecoder(Lz4Input.of(source), decodeBlocks.poll());
        byte[] out = new byte[Math.max(64, Math.min(source.remaining(), Integer.MAX_VALUE / 4) * 3)];
        int length = 0;
        try {
            for (int n = decoder.nextBlock(); n >= 0; n = decoder.nextBlock()) {
                if (out.length - length < n) {
                    out = Arrays.copyOf(out, grownCapacity(out.length, length + n));
                }
                System.arraycopy(decoder.block(), 0, out, length, n);
                length += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            source.position(source.limit());
            byte[] block = decoder.block();
            if (block.length > 0 && block.length <= POOLED_BLOCK_LIMIT) {
                decodeBlocks.offer(block); // larger blocks (other producers' frames) are not kept idle
            }
        }
        return ByteBuffer.wrap(out, 0, length).slice();
    }

    private static int grownCapacity(int capacity, int needed) {
        if (needed < 0 || needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("lz4: decompressed data exceeds the 2 GiB a ByteBuffer can hold");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, 2L * capacity));
    }

    @Override
    public void close() {
        streamBuffers.close();
        decodeBlocks.close();
    }

    @Override
    public String toString() {
        return "Lz4Compressor[lz4, id 3, levels 1..17, default 9]";
    }
}
