package io.sluice.codec.zstd;

/**
 * Kafka's {@code compression.zstd.level} range and zstd's output bound, as plain Java constants
 * so that reading them never loads the native library.
 */
final class ZstdLevels {

    /** {@code ZSTD_minCLevel()} = -ZSTD_TARGETLENGTH_MAX = -(1 << 17), Kafka's minimum. */
    static final int MIN_LEVEL = -(1 << 17);
    /** {@code ZSTD_maxCLevel()}. */
    static final int MAX_LEVEL = 22;
    /** {@code ZSTD_CLEVEL_DEFAULT}, Kafka's default. */
    static final int DEFAULT_LEVEL = 3;

    private static final int BLOCK_SIZE_MAX = 128 * 1024;

    private ZstdLevels() {
    }

    static void checkLevel(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("zstd: level " + level + " is not valid; compression.zstd.level must be "
                    + MIN_LEVEL + ".." + MAX_LEVEL + " (default 3; negative levels trade ratio for speed)");
        }
    }

    /** {@code ZSTD_COMPRESSBOUND(n)}: the most one frame of {@code n} bytes takes. */
    static int maxCompressedLength(int sourceLength) {
        if (sourceLength < 0) {
            throw new IllegalArgumentException("zstd: sourceLength must not be negative, was " + sourceLength);
        }
        long bound = (long) sourceLength + (sourceLength >>> 8)
                + (sourceLength < BLOCK_SIZE_MAX ? (BLOCK_SIZE_MAX - sourceLength) >>> 11 : 0);
        if (bound > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("zstd: " + sourceLength
                    + " bytes are too many for one batch: the compressed bound exceeds 2 GiB");
        }
        return (int) bound;
    }
}
