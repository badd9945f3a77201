package io.sluice.codec.snappy;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes xerial-framed snappy to an underlying stream, byte for byte what snappy-java's
 * {@code SnappyOutputStream} (and so Kafka's Java client) writes: the 16-byte header, then one
 * chunk per 32 KiB of input; {@link #flush()} emits the partial block, as snappy-java's does.
 * Large writes are compressed straight from the caller's array.
 *
 * <p>Not thread-safe, like any {@link OutputStream}: one thread writes a batch through it. The
 * scratch buffers are borrowed at construction and handed back by {@link #close()}.
 */
final class XerialFrameOutputStream extends OutputStream {

    private final OutputStream out;
    private final IdlePool<SnappyScratch> pool;
    private SnappyScratch scratch;
    private int buffered;

    XerialFrameOutputStream(OutputStream out, IdlePool<SnappyScratch> pool) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.pool = pool;
        SnappyNativeLibrary.ensureAvailable();
        SnappyScratch idle = pool.poll();
        this.scratch = idle != null ? idle : new SnappyScratch();
        out.write(XerialFraming.header());
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        scratch.input[buffered++] = (byte) b;
        if (buffered == XerialFraming.BLOCK_SIZE) {
            writeBuffered();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (buffered > 0) {
            int n = Math.min(len, XerialFraming.BLOCK_SIZE - buffered);
            System.arraycopy(b, off, scratch.input, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered < XerialFraming.BLOCK_SIZE) {
                return;
            }
            writeBuffered();
        }
        while (len >= XerialFraming.BLOCK_SIZE) {
            writeChunk(b, off, XerialFraming.BLOCK_SIZE);
            off += XerialFraming.BLOCK_SIZE;
            len -= XerialFraming.BLOCK_SIZE;
        }
        System.arraycopy(b, off, scratch.input, 0, len);
        buffered = len;
    }

    /** Emits the buffered input as a (short) chunk and flushes {@code out}, as snappy-java does. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        writeBuffered();
        out.flush();
    }

    /** Writes the last chunk, then closes {@code out}. */
    @Override
    public void close() throws IOException {
        if (scratch == null) {
            return;
        }
        try {
            writeBuffered();
        } finally {
            pool.offer(scratch);
            scratch = null;
            out.close();
        }
    }

    private void writeBuffered() throws IOException {
        if (buffered > 0) {
            int n = buffered;
            buffered = 0;
            writeChunk(scratch.input, 0, n);
        }
    }

    private void writeChunk(byte[] input, int off, int len) throws IOException {
        byte[] chunk = scratch.chunk;
        int compressed = SnappyBlocks.compress(input, off, len, chunk, XerialFraming.CHUNK_LENGTH_FIELD);
        XerialFraming.putIntBE(chunk, 0, compressed);
        out.write(chunk, 0, XerialFraming.CHUNK_LENGTH_FIELD + compressed);
    }

    private void ensureOpen() throws IOException {
        if (scratch == null) {
            throw new IOException("snappy: the compression stream is closed");
        }
    }
}
