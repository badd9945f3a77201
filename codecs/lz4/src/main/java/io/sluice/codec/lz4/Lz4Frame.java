package io.sluice.codec.lz4;

import java.nio.ByteBuffer;

/**
 * The LZ4 frame layout (lz4_Frame_format.md v1.6) as Kafka's {@code Lz4BlockOutputStream} writes
 * it for magic v2 batches, the only form Sluice writes:
 *
 * <pre>
 *   0            4     5     6     7
 *   +------------+-----+-----+-----+==================================+------------+
 *   | 04 22 4D 18| FLG | BD  | HC  | block: size LE32 | data ...  (n) | 00 00 00 00|
 *   +------------+-----+-----+-----+==================================+------------+
 *     magic LE     60    40          size | 0x80000000 = stored as-is    end mark
 * </pre>
 *
 * FLG 0x60: version 1, independent blocks, no block checksum, no content size, no content
 * checksum, no dictionary. BD 0x40: 64 KiB maximum block size. HC: {@code (XXH32(FLG..BD, 0) >> 8) & 0xFF},
 * the correct checksum (the "broken" one over the magic too is only for magic v0). Each block holds
 * the LZ4-compressed form of up to 64 KiB of input, or the input itself when compression would not
 * make it smaller. No content checksum follows the end mark.
 */
final class Lz4Frame {

    static final int MAGIC = 0x184D2204;
    static final int SKIPPABLE_MAGIC_MASK = 0xFFFFFFF0;
    static final int SKIPPABLE_MAGIC = 0x184D2A50;
    static final byte FLG = 0x60;
    static final byte BD = 0x40;
    static final int HEADER_LENGTH = 7;
    static final int BLOCK_SIZE_FIELD = 4;
    static final int END_MARK_LENGTH = 4;
    static final int MAX_BLOCK_SIZE = 64 * 1024;
    static final int STORED_BLOCK_FLAG = 0x80000000;

    /** Kafka's {@code compression.lz4.level}: 1..17, default 9 (lz4-java's fast compressor). */
    static final int MIN_LEVEL = 1;
    static final int MAX_LEVEL = 17;
    static final int DEFAULT_LEVEL = 9;

    private Lz4Frame() {
    }

    /** The 7 header bytes (a copy). */
    static byte[] header() {
        return Header.BYTES.clone();
    }

    static void writeHeader(ByteBuffer target) {
        target.put(Header.BYTES);
    }

    /** LZ4's worst-case block bound ({@code LZ4_COMPRESSBOUND}): n + n/255 + 16. */
    static int maxCompressedBlockLength(int n) {
        return n + n / 255 + 16;
    }

    /**
     * The most a frame for {@code sourceLength} bytes takes, counting for every block the room
     * LZ4 needs while compressing it (its bound), not only what is finally kept.
     */
    static int maxCompressedLength(int sourceLength) {
        if (sourceLength < 0) {
            throw new IllegalArgumentException("lz4: sourceLength must not be negative, was " + sourceLength);
        }
        long fullBlocks = sourceLength / MAX_BLOCK_SIZE;
        int lastBlock = sourceLength % MAX_BLOCK_SIZE;
        long bound = HEADER_LENGTH + END_MARK_LENGTH
                + fullBlocks * (BLOCK_SIZE_FIELD + maxCompressedBlockLength(MAX_BLOCK_SIZE))
                + (lastBlock == 0 ? 0 : BLOCK_SIZE_FIELD + maxCompressedBlockLength(lastBlock));
        if (bound > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lz4: " + sourceLength
                    + " bytes are too many for one batch: the compressed bound exceeds 2 GiB");
        }
        return (int) bound;
    }

    /** Rejects levels outside Kafka's range; core validates the config, this guards direct callers. */
    static void checkLevel(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("lz4: level " + level
                    + " is not valid; compression.lz4.level must be 1..17 (default 9)");
        }
    }

    static void putIntLE(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
        b[offset + 2] = (byte) (value >>> 16);
        b[offset + 3] = (byte) (value >>> 24);
    }

    /** Writes at an absolute index, leaving the buffer's position and byte order alone. */
    static void putIntLE(ByteBuffer b, int index, int value) {
        b.put(index, (byte) value);
        b.put(index + 1, (byte) (value >>> 8));
        b.put(index + 2, (byte) (value >>> 16));
        b.put(index + 3, (byte) (value >>> 24));
    }

    /** The constant header; its checksum byte is computed with lz4-java's XXH32 on first use. */
    private static final class Header {
        static final byte[] BYTES = build();

        private static byte[] build() {
            byte[] header = new byte[HEADER_LENGTH];
            putIntLE(header, 0, MAGIC);
            header[4] = FLG;
            header[5] = BD;
            header[6] = Lz4Library.headerChecksum(header, 4, 2);
            return header;
        }
    }

    /** Reads the 4 bytes from the buffer's position, little-endian, without moving it. */
    static int getIntLE(ByteBuffer b) {
        int p = b.position();
        return (b.get(p) & 0xff) | (b.get(p + 1) & 0xff) << 8 | (b.get(p + 2) & 0xff) << 16 | (b.get(p + 3) & 0xff) << 24;
    }
}
