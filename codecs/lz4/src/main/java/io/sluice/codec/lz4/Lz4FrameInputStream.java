package io.sluice.codec.lz4;

import java.io.IOException;
import java.io.InputStream;

/**
 * Serves the decompressed bytes of the LZ4 frame(s) read from an underlying stream, one decoded
 * block at a time (see {@link Lz4FrameDecoder} for what is accepted).
 *
 * <p>Not thread-safe, like any {@link InputStream}: one thread reads a batch through it.
 */
final class Lz4FrameInputStream extends InputStream {

    private final InputStream in;
    private final Lz4FrameDecoder decoder;
    private int position;
    private int limit;
    private boolean finished;
    private boolean closed;

    Lz4FrameInputStream(InputStream in) {
        this.in = in;
        this.decoder = new Lz4FrameDecoder(Lz4Input.of(in));
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return decoder.block()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(decoder.block(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        in.close();
    }

    /** Makes sure decoded bytes are waiting; false at the end of the data. */
    private boolean fill() throws IOException {
        if (closed) {
            throw new IOException("lz4: the decompression stream is closed");
        }
        while (position == limit) {
            if (finished) {
                return false;
            }
            int n = decoder.nextBlock();
            if (n < 0) {
                finished = true;
                return false;
            }
            position = 0;
            limit = n;
        }
        return true;
    }
}
