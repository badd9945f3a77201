package io.sluice.codec.snappy;

/**
 * The stream framing of xerial snappy-java's {@code SnappyOutputStream}, which Kafka's Java client
 * writes for snappy batches (it is not Google's "framing format" with {@code sNaPpY} chunks):
 *
 * <pre>
 *   0                             8           12          16
 *   +-----------------------------+-----------+-----------+==========================+
 *   | 82 'S' 'N' 'A' 'P' 'P' 'Y' 00| version=1 | compat=1  | chunk: len BE32 | block |...
 *   +-----------------------------+-----------+-----------+==========================+
 *                                    BE32        BE32        raw snappy of up to 32 KiB
 * </pre>
 *
 * Each chunk holds the raw snappy compression of the next 32 KiB of input (the last one less).
 * librdkafka and franz-go write a single raw snappy block without this framing instead; readers
 * tell the two apart by the 8-byte magic, as snappy-java's {@code SnappyInputStream} does.
 */
final class XerialFraming {

    static final byte[] MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
    /** The first 4 magic bytes read as a chunk length: a second stream header (concatenated streams). */
    static final int MAGIC_HEAD = 0x82534E41;
    static final int VERSION = 1;
    static final int MIN_COMPATIBLE_VERSION = 1;
    static final int HEADER_LENGTH = 16;
    static final int CHUNK_LENGTH_FIELD = 4;
    /** snappy-java's default block size, which Kafka uses. */
    static final int BLOCK_SIZE = 32 * 1024;
    /** snappy-java's {@code SnappyInputStream.MAX_CHUNK_SIZE}: larger chunk lengths are corrupt. */
    static final int MAX_CHUNK_LENGTH = 512 * 1024 * 1024;

    private XerialFraming() {
    }

    private static final byte[] HEADER = buildHeader();

    /** The 16 header bytes (a copy). */
    static byte[] header() {
        return HEADER.clone();
    }

    static void writeHeader(java.nio.ByteBuffer target) {
        target.put(HEADER);
    }

    private static byte[] buildHeader() {
        byte[] header = new byte[HEADER_LENGTH];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        putIntBE(header, 8, VERSION);
        putIntBE(header, 12, MIN_COMPATIBLE_VERSION);
        return header;
    }

    static boolean startsWithMagic(byte[] b, int offset, int length) {
        if (length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[offset + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the 16 header bytes at {@code offset} (magic already matched): snappy-java accepts
     * any version from 1 on, and so do we.
     */
    static void checkHeader(byte[] b, int offset) throws java.io.IOException {
        int version = getIntBE(b, offset + 8);
        if (version < MIN_COMPATIBLE_VERSION) {
            throw SnappyBlocks.malformed("xerial stream version " + version + " is not supported; it must be 1 or later", null);
        }
    }

    /** Checks a chunk length field read where a chunk starts (not the magic of a concatenated stream). */
    static void checkChunkLength(int chunkLength, long streamOffset) throws java.io.IOException {
        if (chunkLength > MAX_CHUNK_LENGTH) {
            throw SnappyBlocks.malformed("chunk length " + chunkLength + " at offset " + streamOffset
                    + " exceeds snappy-java's limit of " + MAX_CHUNK_LENGTH + " bytes", null);
        }
        if (chunkLength <= 0) {
            throw SnappyBlocks.malformed("chunk length " + chunkLength + " at offset " + streamOffset
                    + " is not positive; xerial chunks hold at least one byte", null);
        }
    }

    static java.io.IOException noData() {
        return SnappyBlocks.malformed("no data; expected xerial-framed snappy (magic 82 53 4E 41 50 50 59 00) "
                + "or a raw snappy block", null);
    }

    /** snappy's {@code MaxCompressedLength(n)}: 32 + n + n/6. */
    static int maxCompressedBlockLength(int n) {
        return 32 + n + n / 6;
    }

    /** The most a framed stream for {@code sourceLength} bytes takes: header plus every chunk's bound. */
    static int maxCompressedLength(int sourceLength) {
        if (sourceLength < 0) {
            throw new IllegalArgumentException("snappy: sourceLength must not be negative, was " + sourceLength);
        }
        long fullBlocks = sourceLength / BLOCK_SIZE;
        int lastBlock = sourceLength % BLOCK_SIZE;
        long bound = HEADER_LENGTH + fullBlocks * (CHUNK_LENGTH_FIELD + maxCompressedBlockLength(BLOCK_SIZE))
                + (lastBlock == 0 ? 0 : CHUNK_LENGTH_FIELD + maxCompressedBlockLength(lastBlock));
        if (bound > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("snappy: " + sourceLength
                    + " bytes are too many for one batch: the compressed bound exceeds 2 GiB");
        }
        return (int) bound;
    }

    static void putIntBE(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 24);
        b[offset + 1] = (byte) (value >>> 16);
        b[offset + 2] = (byte) (value >>> 8);
        b[offset + 3] = (byte) value;
    }

    static int getIntBE(byte[] b, int offset) {
        return (b[offset] & 0xff) << 24 | (b[offset + 1] & 0xff) << 16 | (b[offset + 2] & 0xff) << 8 | (b[offset + 3] & 0xff);
    }
}
