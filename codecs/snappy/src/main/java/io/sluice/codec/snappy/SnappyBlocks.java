package io.sluice.codec.snappy;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyError;

/**
 * Raw snappy blocks through snappy-java's native calls, with the bounds checks those calls leave
 * to the caller: snappy-java's array methods write into the output array without checking its
 * length, so every call here first proves the output fits. Stateless.
 */
final class SnappyBlocks {

    /** A raw block never expands more than this (a 3-byte copy emits at most 64 bytes). */
    private static final int MAX_EXPANSION = 64;

    private SnappyBlocks() {
    }

    /** Compresses {@code input[off, off+len)} into {@code output} at {@code outOff}; returns the compressed length. */
    static int compress(byte[] input, int off, int len, byte[] output, int outOff) throws IOException {
        if (output.length - outOff < XerialFraming.maxCompressedBlockLength(len)) {
            throw new IllegalStateException("snappy: output room " + (output.length - outOff) + " is below the bound "
                    + XerialFraming.maxCompressedBlockLength(len) + " for " + len + " bytes; this is a bug in the snappy codec");
        }
        return Snappy.compress(input, off, len, output, outOff);
    }

    /** Compresses between two direct buffers, from/to their positions (which are not moved). */
    static int compress(ByteBuffer input, ByteBuffer output) throws IOException {
        if (output.remaining() < XerialFraming.maxCompressedBlockLength(input.remaining())) {
            throw new IllegalStateException("snappy: output room " + output.remaining() + " is below the bound for "
                    + input.remaining() + " bytes; this is a bug in the snappy codec");
        }
        return Snappy.compress(input.duplicate(), output.duplicate());
    }

    /**
     * The uncompressed length a raw block declares (its leading varint), checked to be plausible.
     *
     * @throws IOException if the varint is malformed or claims more than the block can hold
     */
    static int uncompressedLength(byte[] block, int off, int len) throws IOException {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            if (i >= len) {
                throw malformed("a raw snappy block ends inside its length header (" + len + " bytes)", null);
            }
            int b = block[off + i] & 0xff;
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                if (value > (long) len * MAX_EXPANSION || value > Integer.MAX_VALUE - 8) {
                    throw malformed("a raw snappy block of " + len + " bytes declares " + value
                            + " uncompressed bytes, more than it can hold", null);
                }
                return (int) value;
            }
        }
        throw malformed("a raw snappy block starts with an overlong length header", null);
    }

    /** Uncompresses one raw block into {@code output} at {@code outOff}, which must have room for its declared length. */
    static int uncompress(byte[] block, int off, int len, byte[] output, int outOff) throws IOException {
        int declared = uncompressedLength(block, off, len);
        if (output.length - outOff < declared) {
            throw new IllegalStateException("snappy: output room " + (output.length - outOff) + " is below the declared "
                    + declared + " bytes; this is a bug in the snappy codec");
        }
        try {
            int n = Snappy.uncompress(block, off, len, output, outOff);
            if (n != declared) {
                throw malformed("a raw snappy block declares " + declared + " bytes but holds " + n, null);
            }
            return n;
        } catch (IOException | SnappyError e) {
            throw malformed("a raw snappy block is corrupt (" + e.getMessage() + ")", e);
        }
    }

    /** The start of every message about bad compressed data. */
    static final String MALFORMED = "snappy: malformed data: ";

    static IOException malformed(String detail, Throwable cause) {
        return new IOException(MALFORMED + detail, cause);
    }
}
