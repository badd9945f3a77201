package io.sluice.codec.zstd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import com.github.luben.zstd.ZstdException;

/**
 * Serves the decompressed bytes of the zstd frame(s) read from an underlying stream, through a
 * pooled zstd context. Strict: no data at all, a stream that ends inside a frame, and anything
 * zstd rejects (wrong magic, corrupt blocks, checksum mismatch) fail with a {@code zstd:} message.
 *
 * <p>Not thread-safe, like any {@link InputStream}: one thread reads a batch through it. The
 * session is borrowed at construction and handed back by {@link #close()}.
 */
final class ZstdFrameInputStream extends InputStream {

    private final InputStream in;
    private final ZstdContexts contexts;
    private ZstdContexts.Decompression session;
    private boolean endOfInput;
    private boolean insideFrame;
    private boolean sawInput;
    private boolean finished;
    private boolean failed;

    ZstdFrameInputStream(InputStream in, ZstdContexts contexts) {
        this.in = Objects.requireNonNull(in, "in");
        this.contexts = contexts;
        this.session = contexts.borrowDecompression();
        session.input.limit(0);
        session.output.limit(0);
    }

    @Override
    public int read() throws IOException {
        return fill() ? session.output.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, session.output.remaining());
        session.output.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return session == null ? 0 : session.output.remaining();
    }

    @Override
    public void close() throws IOException {
        if (session != null) {
            ZstdContexts.Decompression done = session;
            session = null;
            contexts.release(done, finished && !failed);
        }
        in.close();
    }

    /** Makes sure decompressed bytes are waiting; false at the clean end of the last frame. */
    private boolean fill() throws IOException {
        if (session == null) {
            throw new IOException("zstd: the decompression stream is closed");
        }
        ByteBuffer output = session.output;
        while (!output.hasRemaining()) {
            if (finished) {
                return false;
            }
            ByteBuffer input = session.input;
            if (!input.hasRemaining() && !endOfInput) {
                readInput(input);
            }
            if (!input.hasRemaining() && endOfInput && !insideFrame) {
                if (!sawInput) {
                    throw fail(malformed("no data; expected a zstd frame (magic 28 B5 2F FD)", null));
                }
                finished = true;
                return false;
            }
            decompressStep(input, output);
        }
        return true;
    }

    private void readInput(ByteBuffer input) throws IOException {
        int n = in.read(input.array(), 0, input.capacity());
        if (n < 0) {
            endOfInput = true;
            input.limit(0);
        } else {
            input.position(0).limit(n);
            sawInput |= n > 0;
        }
    }

    private void decompressStep(ByteBuffer input, ByteBuffer output) throws IOException {
        int inputBefore = input.remaining();
        output.clear();
        boolean frameDone;
        try {
            frameDone = session.context.decompressByteBufferStream(output, input);
        } catch (ZstdException e) {
            throw fail(malformed(e.getMessage(), e));
        } finally {
            output.flip();
        }
        insideFrame = !frameDone;
        boolean progress = output.hasRemaining() || input.remaining() < inputBefore || frameDone;
        if (!progress && endOfInput && !input.hasRemaining()) {
            throw fail(malformed("truncated frame: the input ended inside a frame", null));
        }
    }

    private IOException fail(IOException e) {
        failed = true;
        return e;
    }

    static IOException malformed(String detail, Throwable cause) {
        return new IOException("zstd: malformed data: " + detail, cause);
    }
}
