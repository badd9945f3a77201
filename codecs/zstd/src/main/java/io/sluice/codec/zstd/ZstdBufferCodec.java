package io.sluice.codec.zstd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/**
 * Whole-batch zstd between ByteBuffers with a pooled context: one JNI call compresses the batch
 * into a standard frame (with its content size) straight from the source into the target, heap or
 * direct in any combination; decompression reads one or more frames into a heap buffer sized from
 * the frame header. Stateless apart from the shared pools.
 */
final class ZstdBufferCodec {

    /** Cap on the header-based initial output size: a corrupt header must not allocate gigabytes. */
    private static final int MAX_SIZE_HINT = 64 * 1024 * 1024;

    private final ZstdContexts contexts;

    ZstdBufferCodec(ZstdContexts contexts) {
        this.contexts = contexts;
    }

    int compress(ByteBuffer source, ByteBuffer target, int level) {
        int inputLength = source.remaining();
        int needed = ZstdLevels.maxCompressedLength(inputLength);
        if (target.remaining() < needed) {
            throw new IllegalArgumentException("zstd: target has " + target.remaining()
                    + " bytes remaining but compressing " + inputLength
                    + " bytes needs up to maxCompressedLength = " + needed);
        }
        ByteBuffer input = accessible(source);
        int start = target.position();
        ZstdContexts.Compression session = contexts.borrowCompression(level);
        boolean completed = false;
        try {
            // With room for the whole bound, zstd ends the frame in this one call.
            while (!session.context.compressByteBufferStream(target, input, EndDirective.END)) {
                if (!target.hasRemaining()) {
                    throw new IllegalStateException("zstd: output exceeded ZSTD_COMPRESSBOUND(" + inputLength
                            + ") = " + needed + "; this is a bug in the zstd codec, please report it");
                }
            }
            completed = true;
        } catch (ZstdException e) {
            throw new IllegalStateException("zstd: compression failed: " + e.getMessage(), e);
        } finally {
            contexts.release(session, completed);
        }
        source.position(source.limit());
        return target.position() - start;
    }

    ByteBuffer decompress(ByteBuffer source) {
        ZstdNativeLibrary.ensureAvailable();
        ByteBuffer input = accessible(source);
        try {
            if (!input.hasRemaining()) {
                throw ZstdFrameInputStream.malformed("no data; expected a zstd frame (magic 28 B5 2F FD)", null);
            }
            return decompressFrames(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            source.position(source.limit());
        }
    }

    /** Decodes every frame in {@code input} into one growing heap buffer, returned flipped. */
    private ByteBuffer decompressFrames(ByteBuffer input) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(initialCapacity(input));
        ZstdContexts.Decompression session = contexts.borrowDecompression();
        boolean clean = false;
        try {
            while (true) {
                int before = input.remaining() + out.remaining();
                boolean frameDone = session.context.decompressByteBufferStream(out, input);
                if (frameDone && !input.hasRemaining()) {
                    break;
                }
                if (!out.hasRemaining()) {
                    out = grow(out);
                } else if (!input.hasRemaining() && !frameDone) {
                    throw ZstdFrameInputStream.malformed("truncated frame: the input ended inside a frame", null);
                } else if (input.remaining() + out.remaining() == before && !frameDone) {
                    throw ZstdFrameInputStream.malformed("the decoder made no progress", null);
                }
            }
            clean = true;
        } catch (ZstdException e) {
            throw ZstdFrameInputStream.malformed(e.getMessage(), e);
        } finally {
            contexts.release(session, clean);
        }
        return out.flip();
    }

    /** The frame's declared content size where the header has one, else a guess; grown as needed. */
    private static int initialCapacity(ByteBuffer input) {
        long declared = input.isDirect()
                ? Zstd.getDirectByteBufferFrameContentSize(input, input.position(), input.remaining())
                : Zstd.getFrameContentSize(input.array(), input.arrayOffset() + input.position(), input.remaining());
        long guess = declared >= 0 ? declared : 4L * input.remaining();
        return (int) Math.max(64, Math.min(guess, MAX_SIZE_HINT));
    }

    private static ByteBuffer grow(ByteBuffer out) {
        if (out.capacity() >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("zstd: decompressed data exceeds the 2 GiB a ByteBuffer can hold");
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * out.capacity());
        ByteBuffer bigger = ByteBuffer.wrap(Arrays.copyOf(out.array(), capacity));
        bigger.position(out.position());
        return bigger;
    }

    /** zstd-jni reads heap buffers through their array: copy a read-only heap buffer (rare). */
    private static ByteBuffer accessible(ByteBuffer source) {
        if (source.isDirect() || source.hasArray()) {
            return source;
        }
        ByteBuffer copy = ByteBuffer.allocate(source.remaining());
        copy.put(source.duplicate()).flip();
        return copy;
    }
}
