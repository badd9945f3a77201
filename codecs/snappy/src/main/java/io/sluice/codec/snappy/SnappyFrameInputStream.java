package io.sluice.codec.snappy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serves the decompressed bytes of snappy data read from an underlying stream: xerial framing
 * chunk by chunk (concatenated streams included), or, when the data does not start with the
 * xerial magic, one raw snappy block read whole. Strict: truncation anywhere, bad chunk lengths
 * and corrupt blocks fail with a {@code snappy:} message.
 *
 * <p>Not thread-safe, like any {@link InputStream}: one thread reads a batch through it.
 */
final class SnappyFrameInputStream extends InputStream {

    private final InputStream in;
    private boolean started;
    private boolean framed;
    private boolean finished;
    private boolean closed;
    private long offset;
    private byte[] compressed = new byte[0];
    private byte[] block = new byte[0];
    private int position;
    private int limit;

    SnappyFrameInputStream(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read() throws IOException {
        return fill() ? block[position++] & 0xff : -1;
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
        int n = Math.min(len, limit - position);
        System.arraycopy(block, position, b, off, n);
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

    private boolean fill() throws IOException {
        if (closed) {
            throw new IOException("snappy: the decompression stream is closed");
        }
        while (position == limit) {
            if (finished) {
                return false;
            }
            if (!started) {
                start();
            } else if (framed) {
                nextChunk();
            } else {
                finished = true;
            }
        }
        return true;
    }

    /** Reads the first bytes: a xerial header, or else the start of a raw block (then read whole). */
    private void start() throws IOException {
        started = true;
        byte[] head = in.readNBytes(XerialFraming.HEADER_LENGTH);
        if (head.length == 0) {
            throw XerialFraming.noData();
        }
        if (XerialFraming.startsWithMagic(head, 0, head.length)) {
            if (head.length < XerialFraming.HEADER_LENGTH) {
                throw truncated("the 16-byte xerial header");
            }
            XerialFraming.checkHeader(head, 0);
            framed = true;
            offset = XerialFraming.HEADER_LENGTH;
            return;
        }
        byte[] raw = concat(head, in.readAllBytes());
        block = SnappyArrayDecoder.decode(raw, 0, raw.length);
        position = 0;
        limit = block.length;
    }

    private void nextChunk() throws IOException {
        byte[] field = in.readNBytes(XerialFraming.CHUNK_LENGTH_FIELD);
        if (field.length == 0) {
            finished = true;
            return;
        }
        if (field.length < XerialFraming.CHUNK_LENGTH_FIELD) {
            throw truncated("a chunk length");
        }
        int chunkLength = XerialFraming.getIntBE(field, 0);
        if (chunkLength == XerialFraming.MAGIC_HEAD) {
            byte[] header = concat(field, in.readNBytes(XerialFraming.HEADER_LENGTH - XerialFraming.CHUNK_LENGTH_FIELD));
            if (header.length < XerialFraming.HEADER_LENGTH || !XerialFraming.startsWithMagic(header, 0, header.length)) {
                throw truncated("the 16-byte xerial header of a concatenated stream");
            }
            XerialFraming.checkHeader(header, 0);
            offset += XerialFraming.HEADER_LENGTH;
            return;
        }
        XerialFraming.checkChunkLength(chunkLength, offset);
        offset += XerialFraming.CHUNK_LENGTH_FIELD;
        if (compressed.length < chunkLength) {
            compressed = new byte[chunkLength];
        }
        if (in.readNBytes(compressed, 0, chunkLength) < chunkLength) {
            throw truncated("a chunk of " + chunkLength + " bytes");
        }
        int declared = SnappyBlocks.uncompressedLength(compressed, 0, chunkLength);
        if (block.length < declared) {
            block = new byte[Math.max(declared, XerialFraming.BLOCK_SIZE)];
        }
        limit = SnappyBlocks.uncompress(compressed, 0, chunkLength, block, 0);
        position = 0;
        offset += chunkLength;
    }

    private IOException truncated(String what) {
        return SnappyBlocks.malformed("truncated xerial stream: the input ended in " + what + " at offset " + offset, null);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
