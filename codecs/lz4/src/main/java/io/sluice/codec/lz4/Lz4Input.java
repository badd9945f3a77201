package io.sluice.codec.lz4;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;

/**
 * Where a {@link Lz4FrameDecoder} reads compressed bytes from: a {@link ByteBuffer} (viewed in
 * place, no copy) or an {@link InputStream} (read into a reused array).
 *
 * <p>Not thread-safe: owned by the one decoder, and so by the thread that reads the batch.
 */
interface Lz4Input {

    /**
     * The next {@code length} bytes as a buffer from its position, valid until the next call.
     *
     * @throws EOFException if fewer remain; its message is {@code what}
     */
    ByteBuffer take(int length, String what) throws IOException;

    /** Whether every byte has been taken. */
    boolean exhausted() throws IOException;

    static Lz4Input of(ByteBuffer source) {
        return new BufferInput(source);
    }

    static Lz4Input of(InputStream source) {
        return new StreamInput(source);
    }

    /** Views of the remaining bytes of a buffer, advancing its position. */
    final class BufferInput implements Lz4Input {
        private final ByteBuffer source;

        BufferInput(ByteBuffer source) {
            this.source = source;
        }

        @Override
        public ByteBuffer take(int length, String what) throws EOFException {
            if (source.remaining() < length) {
                throw new EOFException(what);
            }
            ByteBuffer view = source.slice().limit(length);
            source.position(source.position() + length);
            return view;
        }

        @Override
        public boolean exhausted() {
            return !source.hasRemaining();
        }
    }

    /** Reads from a stream into one growing array; at most one byte of look-ahead. */
    final class StreamInput implements Lz4Input {
        private final PushbackInputStream source;
        private byte[] scratch = new byte[64];

        StreamInput(InputStream source) {
            this.source = new PushbackInputStream(source, 1);
        }

        @Override
        public ByteBuffer take(int length, String what) throws IOException {
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, 2 * scratch.length)];
            }
            int read = source.readNBytes(scratch, 0, length);
            if (read < length) {
                throw new EOFException(what);
            }
            return ByteBuffer.wrap(scratch, 0, length);
        }

        @Override
        public boolean exhausted() throws IOException {
            int next = source.read();
            if (next < 0) {
                return true;
            }
            source.unread(next);
            return false;
        }
    }
}
