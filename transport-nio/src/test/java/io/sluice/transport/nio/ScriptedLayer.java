package io.sluice.transport.nio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link ByteChannelLayer} for unit tests of frame handling: reads hand out scripted chunks (one
 * chunk, or what fits of it, per read), writes take at most {@code maxBytesPerWrite} bytes and
 * remember exactly which buffer instances they were given. Used by one test thread.
 */
final class ScriptedLayer implements ByteChannelLayer {

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private boolean endOfStream;
    private int reads;

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<List<ByteBuffer>> writeCalls = new ArrayList<>();
    private int maxBytesPerWrite = Integer.MAX_VALUE;

    ScriptedLayer chunk(byte[] bytes) {
        chunks.add(bytes.clone());
        return this;
    }

    /** Queues {@code bytes} cut into chunks of {@code size} bytes (the last may be shorter). */
    ScriptedLayer chunks(byte[] bytes, int size) {
        for (int from = 0; from < bytes.length; from += size) {
            chunk(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
        }
        return this;
    }

    ScriptedLayer endOfStream() {
        endOfStream = true;
        return this;
    }

    ScriptedLayer maxBytesPerWrite(int max) {
        maxBytesPerWrite = max;
        return this;
    }

    /** Whether a read would still bring bytes or the end of the stream (what the selector would announce). */
    boolean hasMoreToRead() {
        return !chunks.isEmpty() || endOfStream;
    }

    int reads() {
        return reads;
    }

    byte[] written() {
        return written.toByteArray();
    }

    List<List<ByteBuffer>> writeCalls() {
        return writeCalls;
    }

    @Override
    public boolean handshake() {
        return true;
    }

    @Override
    public int read(ByteBuffer dst) {
        reads++;
        byte[] chunk = chunks.pollFirst();
        if (chunk == null) {
            return endOfStream ? -1 : 0;
        }
        int n = Math.min(chunk.length, dst.remaining());
        dst.put(chunk, 0, n);
        if (n < chunk.length) {
            chunks.addFirst(Arrays.copyOfRange(chunk, n, chunk.length));
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        writeCalls.add(List.of(Arrays.copyOfRange(srcs, offset, offset + length)));
        long total = 0;
        for (int i = offset; i < offset + length && total < maxBytesPerWrite; i++) {
            ByteBuffer src = srcs[i];
            int n = (int) Math.min(src.remaining(), maxBytesPerWrite - total);
            byte[] bytes = new byte[n];
            src.get(bytes);
            written.write(bytes, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public boolean flush() {
        return true;
    }

    @Override
    public boolean hasPendingOutput() {
        return false;
    }

    @Override
    public boolean hasBufferedInput() {
        return false;
    }

    @Override
    public void close() {
    }
}
