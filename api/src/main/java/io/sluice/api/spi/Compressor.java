package io.sluice.api.spi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A codec for the records section of Kafka record batches. Each codec ships in its own module
 * ({@code io.sluice.codec.gzip}, ...) and is selected with {@code compression.type=<name>}.
 *
 * <p>Output must be what Kafka brokers and consumers read for {@link #id()}: for the built-in ids
 * that means gzip (RFC 1952), xerial-framed snappy, LZ4 frames with a correct header checksum,
 * and zstd frames. The compressed bytes form one self-contained frame per batch.
 *
 * <p>Thread-safe: one instance serves every batch of a producer, possibly from several threads
 * at once. Keep per-call state in the streams or in thread-confined caches.
 *
 * <p>Implementations provide the two stream methods; the {@code ByteBuffer} methods have
 * stream-based defaults that a codec should override with its library's direct API when that is
 * faster (and a benchmark shows it).
 */
public interface Compressor extends Plugin {

    /** {@return the name used in {@code compression.type}, e.g. {@code lz4}} */
    @Override
    String name();

    /**
     * Kafka's codec id written into bits 0-2 of the batch attributes:
     * 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd.
     *
     * @return the id; brokers and consumers decode the batch with the codec of this id
     */
    byte id();

    /** {@return whether the codec has levels ({@code compression.<name>.level}); {@code false} by default} */
    default boolean hasLevels() {
        return false;
    }

    /** {@return the level used when none is configured; meaningful only if {@link #hasLevels()}} */
    default int defaultLevel() {
        return 0;
    }

    /** {@return the smallest valid level; meaningful only if {@link #hasLevels()}} */
    default int minLevel() {
        return 0;
    }

    /** {@return the largest valid level; meaningful only if {@link #hasLevels()}} */
    default int maxLevel() {
        return 0;
    }

    /**
     * A stream that compresses what is written to it into {@code out}. Closing it completes the
     * frame and closes {@code out}.
     *
     * @param out   where the compressed frame goes
     * @param level the level, already validated against {@link #minLevel()}..{@link #maxLevel()}
     *              (or {@link #defaultLevel()})
     * @return a new stream, used for one frame by one thread at a time
     * @throws IOException if the frame cannot be started, e.g. writing its header to {@code out} fails
     */
    OutputStream compress(OutputStream out, int level) throws IOException;

    /**
     * A stream that yields the decompressed bytes of the frame(s) read from {@code in}. Reading it
     * throws {@code IOException} if the data is not valid for this codec.
     *
     * @param in the compressed bytes: one or more complete frames
     * @return a new stream, used by one thread at a time
     * @throws IOException if {@code in} does not start with a valid frame header, or cannot be read
     */
    InputStream decompress(InputStream in) throws IOException;

    /**
     * An upper bound of the bytes {@link #compress(ByteBuffer, ByteBuffer, int)} writes for
     * {@code sourceLength} input bytes, frame overhead included. The default is conservative.
     *
     * @param sourceLength the number of bytes to compress, not negative
     * @return the largest possible size of the compressed frame, in bytes
     */
    default int maxCompressedLength(int sourceLength) {
        return sourceLength + sourceLength / 8 + 1024;
    }

    /**
     * Compresses the remaining bytes of {@code source} into {@code target} as one complete frame,
     * advancing both positions.
     *
     * @param source the bytes to compress, from position to limit
     * @param target has at least {@link #maxCompressedLength(int) maxCompressedLength(source.remaining())} bytes remaining
     * @param level  the level, validated as for {@link #compress(OutputStream, int)}
     * @return the number of bytes written
     * @throws UncheckedIOException if the codec fails, naming it
     * @throws java.nio.BufferOverflowException if {@code target} is too small (the default implementation)
     */
    default int compress(ByteBuffer source, ByteBuffer target, int level) {
        int start = target.position();
        try (OutputStream out = compress(new ByteBufferOutputStream(target), level)) {
            if (source.hasArray()) {
                out.write(source.array(), source.arrayOffset() + source.position(), source.remaining());
                source.position(source.limit());
            } else {
                byte[] chunk = new byte[Math.min(8192, source.remaining())];
                while (source.hasRemaining()) {
                    int n = Math.min(chunk.length, source.remaining());
                    source.get(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name() + " compression failed", e);
        }
        return target.position() - start;
    }

    /**
     * Decompresses the remaining bytes of {@code source} (one or more complete frames) and returns
     * them as a new heap buffer, positioned at 0. Advances {@code source} to its limit.
     *
     * @param source the compressed bytes, from position to limit
     * @return the decompressed bytes, from position 0 to the limit
     * @throws UncheckedIOException if the data is not valid for this codec, naming it
     */
    default ByteBuffer decompress(ByteBuffer source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, source.remaining() * 2));
        try (InputStream in = decompress(new ByteBufferInputStream(source))) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(name() + " decompression failed", e);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    /** An {@link OutputStream} over a {@link ByteBuffer}; fails if the buffer is too small. */
    final class ByteBufferOutputStream extends OutputStream {
        private final ByteBuffer target;

        /**
         * @param target the buffer to write to, from its position; written bytes advance the position,
         *               and a write beyond its limit throws {@link java.nio.BufferOverflowException}
         */
        public ByteBufferOutputStream(ByteBuffer target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.put(b, off, len);
        }
    }

    /** An {@link InputStream} over the remaining bytes of a {@link ByteBuffer}. */
    final class ByteBufferInputStream extends InputStream {
        private final ByteBuffer source;

        /**
         * @param source the buffer to read, from its position to its limit; reads advance the position
         */
        public ByteBufferInputStream(ByteBuffer source) {
            this.source = source;
        }

        @Override
        public int read() {
            return source.hasRemaining() ? source.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!source.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, source.remaining());
            source.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return source.remaining();
        }
    }
}
