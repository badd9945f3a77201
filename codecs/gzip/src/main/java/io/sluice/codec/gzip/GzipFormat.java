package io.sluice.codec.gzip;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The gzip member layout (RFC 1952) as the JDK's {@code GZIPOutputStream} writes it, which is
 * what Kafka's {@code GzipCompression} produces:
 *
 * <pre>
 *   0      2    3     4         8     9    10
 *   +------+----+-----+---------+-----+----+------------------+-------+-------+
 *   | 1f8b | 08 | FLG |  MTIME  | XFL | OS | deflate (raw)... | CRC32 | ISIZE |
 *   +------+----+-----+---------+-----+----+------------------+-------+-------+
 *            CM   = 0     = 0     = 0  =ff                      LE32    LE32
 * </pre>
 *
 * OS is 0xff ("unknown") as written by JDK 16 and later (JDK-8244706); Sluice needs Java 17.
 * CRC32 and ISIZE (input length mod 2^32) are little-endian.
 */
final class GzipFormat {

    static final int HEADER_LENGTH = 10;
    static final int TRAILER_LENGTH = 8;

    /** Kafka's {@code compression.gzip.level} range: -1 (zlib's default, 6) or 1..9. */
    static final int MIN_LEVEL = Deflater.BEST_SPEED;
    static final int MAX_LEVEL = Deflater.BEST_COMPRESSION;
    static final int DEFAULT_LEVEL = Deflater.DEFAULT_COMPRESSION;

    private static final byte[] HEADER = {
        0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff
    };

    private GzipFormat() {
    }

    static byte[] header() {
        return HEADER.clone();
    }

    static void writeHeader(ByteBuffer target) {
        target.put(HEADER);
    }

    static void writeTrailer(ByteBuffer target, long crc, int inputLength) {
        putIntLE(target, (int) crc);
        putIntLE(target, inputLength);
    }

    static byte[] trailer(CRC32 crc, long inputLength) {
        byte[] trailer = new byte[TRAILER_LENGTH];
        writeTrailer(ByteBuffer.wrap(trailer), crc.getValue(), (int) inputLength);
        return trailer;
    }

    /**
     * An upper bound of a whole gzip member for {@code sourceLength} input bytes: zlib's
     * conservative {@code deflateBound} (valid for every level and zlib version, stored blocks
     * included) plus header and trailer.
     */
    static int maxCompressedLength(int sourceLength) {
        if (sourceLength < 0) {
            throw new IllegalArgumentException("gzip: sourceLength must not be negative, was " + sourceLength);
        }
        long bound = (long) sourceLength + ((sourceLength + 7L) >> 3) + ((sourceLength + 63L) >> 6) + 5
                + HEADER_LENGTH + TRAILER_LENGTH;
        if (bound > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("gzip: " + sourceLength
                    + " bytes are too many for one batch: the compressed bound exceeds 2 GiB");
        }
        return (int) bound;
    }

    /** Rejects levels outside Kafka's range; core validates the config, this guards direct callers. */
    static void checkLevel(int level) {
        if (level != DEFAULT_LEVEL && (level < MIN_LEVEL || level > MAX_LEVEL)) {
            throw new IllegalArgumentException("gzip: level " + level
                    + " is not valid; compression.gzip.level must be -1 (zlib's default) or 1..9");
        }
    }

    private static void putIntLE(ByteBuffer target, int value) {
        target.put((byte) value);
        target.put((byte) (value >>> 8));
        target.put((byte) (value >>> 16));
        target.put((byte) (value >>> 24));
    }
}
