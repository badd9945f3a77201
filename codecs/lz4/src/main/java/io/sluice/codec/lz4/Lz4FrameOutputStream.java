package io.sluice.codec.lz4;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import net.jpountz.lz4.LZ4Compressor;

/**
 * Writes one LZ4 frame to an underlying stream, byte for byte what Kafka's
 * {@code Lz4BlockOutputStream} writes for magic v2 (see {@link Lz4Frame}): input is cut into
 * 64 KiB blocks; {@link #flush()} emits the partial block, as Kafka's does.
 *
 * <p>Not thread-safe, like any {@link OutputStream}: one thread writes a batch through it. The
 * block buffers are borrowed from the codec's pool at construction and handed back by
 * {@link #close()}.
 */
final class Lz4FrameOutputStream extends OutputStream {

    /**
     * The two arrays a stream needs: gathered input and one compressed block with its size field.
     * Owned by one stream (one thread) between borrowing from the pool and {@link #close()}.
     */
    static final class Buffers {
        final byte[] block = new byte[Lz4Frame.MAX_BLOCK_SIZE];
        final byte[] compressed = new byte[Lz4Frame.BLOCK_SIZE_FIELD + Lz4Frame.maxCompressedBlockLength(Lz4Frame.MAX_BLOCK_SIZE)];
    }

    private final OutputStream out;
    private final LZ4Compressor compressor;
    private final IdlePool<Buffers> pool;
    private Buffers buffers;
    private int buffered;

    Lz4FrameOutputStream(OutputStream out, int level, IdlePool<Buffers> pool) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.compressor = Lz4Library.compressor(level);
        this.pool = pool;
        Buffers idle = pool.poll();
        this.buffers = idle != null ? idle : new Buffers();
        out.write(Lz4Frame.header());
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (buffered == Lz4Frame.MAX_BLOCK_SIZE) {
            writeBlock(buffers.block, 0, buffered);
            buffered = 0;
        }
        buffers.block[buffered++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        byte[] block = buffers.block;
        if (buffered > 0) {
            int n = Math.min(len, Lz4Frame.MAX_BLOCK_SIZE - buffered);
            System.arraycopy(b, off, block, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (len == 0) {
                return;
            }
            writeBlock(block, 0, buffered);
            buffered = 0;
        }
        // Whole blocks, but never the last bytes: they wait in the buffer, as in Kafka, so a later
        // write can still fill their block. Compressed straight from the caller's array.
        while (len > Lz4Frame.MAX_BLOCK_SIZE) {
            writeBlock(b, off, Lz4Frame.MAX_BLOCK_SIZE);
            off += Lz4Frame.MAX_BLOCK_SIZE;
            len -= Lz4Frame.MAX_BLOCK_SIZE;
        }
        System.arraycopy(b, off, block, 0, len);
        buffered = len;
    }

    /** Emits the buffered input as a (short) block and flushes {@code out}, as Kafka's stream does. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        writeBuffered();
        out.flush();
    }

    /** Writes the last block and the end mark, then closes {@code out}. */
    @Override
    public void close() throws IOException {
        if (buffers == null) {
            return;
        }
        try {
            writeBuffered();
            byte[] endMark = new byte[Lz4Frame.END_MARK_LENGTH];
            out.write(endMark);
        } finally {
            pool.offer(buffers);
            buffers = null;
            out.close();
        }
    }

    private void writeBuffered() throws IOException {
        if (buffered > 0) {
            int n = buffered;
            buffered = 0;
            writeBlock(buffers.block, 0, n);
        }
    }

    private void writeBlock(byte[] input, int off, int len) throws IOException {
        byte[] compressed = buffers.compressed;
        int size = compressor.compress(input, off, len, compressed, Lz4Frame.BLOCK_SIZE_FIELD,
                compressed.length - Lz4Frame.BLOCK_SIZE_FIELD);
        if (size < len) {
            Lz4Frame.putIntLE(compressed, 0, size);
            out.write(compressed, 0, Lz4Frame.BLOCK_SIZE_FIELD + size);
        } else {
            Lz4Frame.putIntLE(compressed, 0, len | Lz4Frame.STORED_BLOCK_FLAG);
            out.write(compressed, 0, Lz4Frame.BLOCK_SIZE_FIELD);
            out.write(input, off, len);
        }
    }

    private void ensureOpen() throws IOException {
        if (buffers == null) {
            throw new IOException("lz4: the compression stream is closed");
        }
    }
}
