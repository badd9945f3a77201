package io.sluice.codec.zstd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdException;

/**
 * Writes one zstd frame to an underlying stream through a pooled zstd context: input is gathered
 * in 64 KiB and handed to zstd's streaming compressor; large writes go to zstd without a copy.
 * {@link #flush()} makes everything written so far decodable (zstd's flush directive), as Kafka's
 * {@code ZstdOutputStream} does.
 *
 * <p>Not thread-safe, like any {@link OutputStream}: one thread writes a batch through it. The
 * session is borrowed at construction and handed back by {@link #close()}.
 */
final class ZstdFrameOutputStream extends OutputStream {

    private final OutputStream out;
    private final ZstdContexts contexts;
    private ZstdContexts.Compression session;

    ZstdFrameOutputStream(OutputStream out, ZstdContexts contexts, int level) {
        this.out = Objects.requireNonNull(out, "out");
        this.contexts = contexts;
        this.session = contexts.borrowCompression(level);
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!session.input.hasRemaining()) {
            compressBuffered(EndDirective.CONTINUE);
        }
        session.input.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        ByteBuffer input = session.input;
        if (len <= input.remaining()) {
            input.put(b, off, len);
            return;
        }
        compressBuffered(EndDirective.CONTINUE);
        if (len < input.capacity()) {
            input.put(b, off, len);
        } else {
            compress(ByteBuffer.wrap(b, off, len), EndDirective.CONTINUE);
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        compressBuffered(EndDirective.FLUSH);
        out.flush();
    }

    /** Ends the frame, then closes {@code out}. */
    @Override
    public void close() throws IOException {
        if (session == null) {
            return;
        }
        boolean completed = false;
        try {
            compressBuffered(EndDirective.END);
            completed = true;
        } finally {
            ZstdContexts.Compression done = session;
            session = null;
            contexts.release(done, completed);
            out.close();
        }
    }

    private void compressBuffered(EndDirective directive) throws IOException {
        ByteBuffer input = session.input;
        input.flip();
        try {
            compress(input, directive);
        } finally {
            input.clear();
        }
    }

    /** Feeds {@code input} to zstd, writing out what it produces, until zstd has taken it all (and, for FLUSH/END, emitted it). */
    private void compress(ByteBuffer input, EndDirective directive) throws IOException {
        ByteBuffer output = session.output;
        try {
            boolean finished;
            do {
                output.clear();
                finished = session.context.compressByteBufferStream(output, input, directive);
                if (output.position() > 0) {
                    out.write(output.array(), output.arrayOffset(), output.position());
                }
            } while (input.hasRemaining() || (directive != EndDirective.CONTINUE && !finished));
        } catch (ZstdException e) {
            throw new IOException("zstd: compression failed: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() throws IOException {
        if (session == null) {
            throw new IOException("zstd: the compression stream is closed");
        }
    }
}
