package io.sluice.codec.gzip;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import io.sluice.api.spi.Compressor;

/**
 * Reads gzip data with the JDK's {@link GZIPInputStream} (as Kafka does): one or more members,
 * header and trailer (CRC32, ISIZE) checked. Failures become {@link IOException}s whose message
 * starts with {@code gzip:} and says what was wrong. Like the JDK and Kafka, bytes after the last
 * member that do not start another member are ignored. Stateless.
 */
final class GzipDecompression {

    /** Kafka reads gzip with an 8 KiB inflater input buffer. */
    private static final int INFLATER_BUFFER_SIZE = 8 * 1024;
    /** Cap on the ISIZE-based initial output size: ISIZE is a hint (mod 2^32, last member only). */
    private static final int MAX_SIZE_HINT = 64 * 1024 * 1024;

    private GzipDecompression() {
    }

    static InputStream open(InputStream in) throws IOException {
        try {
            return new MessageStream(new GZIPInputStream(in, INFLATER_BUFFER_SIZE));
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    static ByteBuffer decompress(ByteBuffer source) {
        int hint = sizeHint(source);
        try (InputStream in = open(new Compressor.ByteBufferInputStream(source))) {
            byte[] out = new byte[hint];
            int length = 0;
            while (true) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, grow(out.length));
                }
                int n = in.read(out, length, out.length - length);
                if (n < 0) {
                    return ByteBuffer.wrap(out, 0, length).slice();
                }
                length += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            source.position(source.limit());
        }
    }

    private static int sizeHint(ByteBuffer source) {
        if (source.remaining() < GzipFormat.HEADER_LENGTH + GzipFormat.TRAILER_LENGTH) {
            return 64;
        }
        long isize = Integer.toUnsignedLong(source.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(source.limit() - 4));
        return (int) Math.max(64, Math.min(isize + 1, MAX_SIZE_HINT));
    }

    private static int grow(int length) {
        if (length >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("gzip: decompressed data exceeds the 2 GiB a ByteBuffer can hold");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(64L, 2L * length));
    }

    static IOException malformed(IOException cause) {
        String detail = cause.getMessage();
        String what = cause instanceof EOFException
                ? "truncated input" + (detail == null ? "" : " (" + detail + ")")
                : String.valueOf(detail);
        return new IOException("gzip: malformed compressed data: " + what
                + "; expected one or more complete gzip members (RFC 1952, starting with 1f 8b)", cause);
    }

    /**
     * Adds the codec and the expectation to every failure of the wrapped JDK stream. Not
     * thread-safe, like any {@link InputStream}: one thread reads a batch through it.
     */
    private static final class MessageStream extends FilterInputStream {

        MessageStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw malformed(e);
            }
        }
    }
}
