package io.sluice.codec.snappy;

import java.io.IOException;

/**
 * Decodes a whole snappy payload held in one array: xerial framing (one or more concatenated
 * streams) when it starts with the xerial magic, otherwise one raw snappy block (librdkafka,
 * franz-go). A first pass walks the chunk headers to size the output exactly; the second
 * decompresses every chunk straight into it. Stateless.
 */
final class SnappyArrayDecoder {

    private SnappyArrayDecoder() {
    }

    static byte[] decode(byte[] in, int off, int len) throws IOException {
        if (len == 0) {
            throw XerialFraming.noData();
        }
        if (!XerialFraming.startsWithMagic(in, off, len)) {
            return decodeRaw(in, off, len);
        }
        long total = walkChunks(in, off, len, null);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("snappy: decompressed data (" + total + " bytes) exceeds the 2 GiB a ByteBuffer can hold");
        }
        byte[] out = new byte[(int) total];
        walkChunks(in, off, len, out);
        return out;
    }

    /** No xerial magic: one raw block (librdkafka, franz-go); a failure says both readings were tried. */
    private static byte[] decodeRaw(byte[] in, int off, int len) throws IOException {
        try {
            byte[] out = new byte[SnappyBlocks.uncompressedLength(in, off, len)];
            SnappyBlocks.uncompress(in, off, len, out, 0);
            return out;
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            String detail = message.startsWith(SnappyBlocks.MALFORMED) ? message.substring(SnappyBlocks.MALFORMED.length()) : message;
            throw SnappyBlocks.malformed("neither xerial framing (no magic 82 53 4E 41 50 50 59 00) nor a valid raw snappy block: "
                    + detail, e);
        }
    }

    /** Walks every chunk of a framed payload; decodes them into {@code out} if given. Returns the total uncompressed length. */
    private static long walkChunks(byte[] in, int off, int len, byte[] out) throws IOException {
        int end = off + len;
        int pos = readHeader(in, off, end);
        long total = 0;
        while (pos < end) {
            if (end - pos < XerialFraming.CHUNK_LENGTH_FIELD) {
                throw truncated("a chunk length", pos - off);
            }
            int chunkLength = XerialFraming.getIntBE(in, pos);
            if (chunkLength == XerialFraming.MAGIC_HEAD) {
                pos = readHeader(in, pos, end);
                continue;
            }
            XerialFraming.checkChunkLength(chunkLength, pos - off);
            pos += XerialFraming.CHUNK_LENGTH_FIELD;
            if (end - pos < chunkLength) {
                throw truncated("a chunk of " + chunkLength + " bytes", pos - off);
            }
            int n = out == null
                    ? SnappyBlocks.uncompressedLength(in, pos, chunkLength)
                    : SnappyBlocks.uncompress(in, pos, chunkLength, out, (int) total);
            total += n;
            pos += chunkLength;
        }
        return total;
    }

    private static int readHeader(byte[] in, int pos, int end) throws IOException {
        if (end - pos < XerialFraming.HEADER_LENGTH || !XerialFraming.startsWithMagic(in, pos, end - pos)) {
            throw truncated("the 16-byte xerial header", pos);
        }
        XerialFraming.checkHeader(in, pos);
        return pos + XerialFraming.HEADER_LENGTH;
    }

    private static IOException truncated(String what, long offset) {
        return SnappyBlocks.malformed("truncated xerial stream: the input ended in " + what + " at offset " + offset, null);
    }
}
