package io.sluice.codec.zstd;

import java.nio.ByteBuffer;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;

/**
 * Pools of reusable zstd contexts, so a batch skips creating and freeing native zstd state (the
 * cost Kafka's ZstdOutputStream pays per batch). A context that saw a failure is freed, never
 * reused.
 *
 * <p>Thread-safe: the pools are lock-free; a borrowed session is owned by the borrowing thread
 * until it hands it back.
 */
final class ZstdContexts implements AutoCloseable {

    /** Uncompressed bytes gathered per streaming call, and the compressed bytes taken out per call. */
    static final int STREAM_BUFFER_SIZE = 64 * 1024;

    /**
     * A compression context with its current level and the buffers a stream uses. Not
     * thread-safe: owned by the borrowing thread until it is released.
     */
    static final class Compression {
        final ZstdCompressCtx context = new ZstdCompressCtx();
        final ByteBuffer input = ByteBuffer.allocate(STREAM_BUFFER_SIZE);
        final ByteBuffer output = ByteBuffer.allocate(STREAM_BUFFER_SIZE);
        private int level = Integer.MIN_VALUE;

        void level(int wanted) {
            if (level != wanted) {
                context.setLevel(wanted);
                level = wanted;
            }
        }

        void free() {
            context.close();
        }
    }

    /**
     * A decompression context with the buffers a stream uses. Not thread-safe: owned by the
     * borrowing thread until it is released.
     */
    static final class Decompression {
        final ZstdDecompressCtx context = new ZstdDecompressCtx();
        final ByteBuffer input = ByteBuffer.allocate(STREAM_BUFFER_SIZE);
        final ByteBuffer output = ByteBuffer.allocate(2 * STREAM_BUFFER_SIZE);

        void free() {
            context.close();
        }
    }

    private final IdlePool<Compression> compressions = new IdlePool<>(IdlePool.defaultCapacity(), Compression::free);
    private final IdlePool<Decompression> decompressions = new IdlePool<>(IdlePool.defaultCapacity(), Decompression::free);

    Compression borrowCompression(int level) {
        ZstdLevels.checkLevel(level);
        ZstdNativeLibrary.ensureAvailable();
        Compression session = compressions.poll();
        if (session == null) {
            session = new Compression();
        }
        session.level(level);
        return session;
    }

    /** Hands back a session, freeing it instead if its last frame did not complete. */
    void release(Compression session, boolean frameCompleted) {
        session.input.clear();
        session.output.clear();
        if (frameCompleted) {
            compressions.offer(session);
        } else {
            session.free();
        }
    }

    Decompression borrowDecompression() {
        ZstdNativeLibrary.ensureAvailable();
        Decompression session = decompressions.poll();
        return session != null ? session : new Decompression();
    }

    /** Hands back a session, freeing it instead if reading stopped inside a frame or failed. */
    void release(Decompression session, boolean clean) {
        session.input.clear();
        session.output.clear();
        if (clean) {
            decompressions.offer(session);
        } else {
            session.free();
        }
    }

    @Override
    public void close() {
        compressions.close();
        decompressions.close();
    }
}
