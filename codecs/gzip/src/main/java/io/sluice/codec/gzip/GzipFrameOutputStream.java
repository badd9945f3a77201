package io.sluice.codec.gzip;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes one gzip member (RFC 1952) to an underlying stream: the bytes Kafka's
 * {@code GzipCompression} writes (a {@code GZIPOutputStream} with an 8 KiB deflate buffer behind a
 * 16 KiB {@code BufferedOutputStream}), but with a pooled Deflater and pooled buffers.
 *
 * <p>Not thread-safe, like any {@link OutputStream}: one thread writes a batch through it. The
 * session is borrowed at construction and handed back by {@link #close()}.
 */
final class GzipFrameOutputStream extends OutputStream {

    private final OutputStream out;
    private final DeflaterPools pools;
    private final CRC32 crc = new CRC32();
    private DeflateSession session;
    private int buffered;
    private long inputLength;

    GzipFrameOutputStream(OutputStream out, DeflaterPools pools, int level) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.pools = pools;
        this.session = pools.borrow(level);
        try {
            out.write(GzipFormat.header());
        } catch (IOException | RuntimeException e) {
            pools.discard(session);
            session = null;
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (buffered == session.input.length) {
            deflateBuffered();
        }
        session.input[buffered++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        byte[] input = session.input;
        if (len >= input.length) {
            // Large writes go straight to the deflater: no copy through the buffer.
            deflateBuffered();
            deflate(b, off, len);
            return;
        }
        if (len > input.length - buffered) {
            deflateBuffered();
        }
        System.arraycopy(b, off, input, buffered, len);
        buffered += len;
    }

    /** Pushes buffered input through the deflater (no sync flush, as Kafka) and flushes {@code out}. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        deflateBuffered();
        out.flush();
    }

    /** Completes the member (remaining deflate output and trailer), then closes {@code out}. */
    @Override
    public void close() throws IOException {
        if (session == null) {
            return;
        }
        boolean completed = false;
        try {
            deflateBuffered();
            Deflater deflater = session.deflater;
            deflater.finish();
            while (!deflater.finished()) {
                drain();
            }
            out.write(GzipFormat.trailer(crc, inputLength));
            completed = true;
        } finally {
            DeflateSession done = session;
            session = null;
            if (completed) {
                pools.release(done);
            } else {
                pools.discard(done);
            }
            out.close();
        }
    }

    private void deflateBuffered() throws IOException {
        if (buffered > 0) {
            int n = buffered;
            buffered = 0;
            deflate(session.input, 0, n);
        }
    }

    private void deflate(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        crc.update(b, off, len);
        inputLength += len;
        Deflater deflater = session.deflater;
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    private void drain() throws IOException {
        byte[] output = session.output;
        int n = session.deflater.deflate(output, 0, output.length, Deflater.NO_FLUSH);
        if (n > 0) {
            out.write(output, 0, n);
        }
    }

    private void ensureOpen() throws IOException {
        if (session == null) {
            throw new IOException("gzip: the compression stream is closed");
        }
    }
}
