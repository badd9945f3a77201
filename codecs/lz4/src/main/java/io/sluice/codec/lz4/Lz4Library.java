package io.sluice.codec.lz4;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.StreamingXXHash32;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The lz4-java objects the codec uses, made on first use (not when {@code ServiceLoader}
 * instantiates the provider): {@code LZ4Factory.fastestInstance()} as Kafka uses it (native where
 * lz4-java bundles a library for the platform, pure Java otherwise), one compressor per level, the
 * bounds-checked ("safe") decompressor and XXH32.
 *
 * <p>Immutable after class initialisation; lz4-java's compressors, decompressors and hashes are
 * stateless and thread-safe.
 */
final class Lz4Library {

    private Lz4Library() {
    }

    /** Level 9 (Kafka's default) is the fast compressor; every other level is LZ4HC at that level, as in Kafka. */
    static LZ4Compressor compressor(int level) {
        Lz4Frame.checkLevel(level);
        return Holder.COMPRESSORS[level];
    }

    static LZ4SafeDecompressor decompressor() {
        return Holder.DECOMPRESSOR;
    }

    static XXHash32 xxhash32() {
        return Holder.XXHASH32;
    }

    static StreamingXXHash32 newStreamingXxhash32() {
        return Holder.HASHES.newStreamingHash32(0);
    }

    /** The frame header checksum: the second byte of XXH32 (seed 0) over the frame descriptor. */
    static byte headerChecksum(byte[] descriptor, int offset, int length) {
        return (byte) ((Holder.XXHASH32.hash(descriptor, offset, length, 0) >> 8) & 0xFF);
    }

    /** Describes the implementation in use, e.g. for diagnostics: "LZ4JNICompressor". */
    static String implementation() {
        return Holder.COMPRESSORS[Lz4Frame.DEFAULT_LEVEL].toString();
    }

    private static final class Holder {
        static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
        static final XXHashFactory HASHES = XXHashFactory.fastestInstance();
        static final XXHash32 XXHASH32 = HASHES.hash32();
        static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
        static final LZ4Compressor[] COMPRESSORS = new LZ4Compressor[Lz4Frame.MAX_LEVEL + 1];

        static {
            for (int level = Lz4Frame.MIN_LEVEL; level <= Lz4Frame.MAX_LEVEL; level++) {
                COMPRESSORS[level] = level == Lz4Frame.DEFAULT_LEVEL ? FACTORY.fastCompressor() : FACTORY.highCompressor(level);
            }
        }
    }
}
