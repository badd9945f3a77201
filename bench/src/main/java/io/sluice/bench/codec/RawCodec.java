package io.sluice.bench.codec;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * A compression library called directly through its fastest array API, with reused contexts and no
 * Kafka framing: the upper bound any Kafka codec built on it can reach. One whole-input call each
 * way (lz4: one block, not a frame of 64 KiB blocks; snappy: one raw block, not xerial chunks of
 * 32 KiB; gzip: the deflate stream plus the 18 header/trailer bytes and the CRC-32 a gzip member
 * needs; zstd: one frame).
 *
 * <p>Thread-confined: each holds native or zlib state; one per benchmark thread.
 */
public interface RawCodec extends AutoCloseable {

    int maxCompressedLength(int length);

    /** Compresses {@code src[0, length)} into {@code dst} from 0; returns the compressed size. */
    int compress(byte[] src, int length, byte[] dst);

    /** Decompresses {@code src[0, length)} into {@code dst} from 0; returns the decompressed size. */
    int decompress(byte[] src, int length, byte[] dst);

    @Override
    void close();

    /** JDK zlib (what every Java gzip uses): raw deflate with a gzip header, CRC-32 and trailer. */
    final class Gzip implements RawCodec {
        private static final int HEADER = 10;
        private static final int TRAILER = 8;
        private final Deflater deflater;
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();

        Gzip(int level) {
            deflater = new Deflater(level, true);
        }

        @Override
        public int maxCompressedLength(int length) {
            return length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + HEADER + TRAILER + 64;
        }

        @Override
        public int compress(byte[] src, int length, byte[] dst) {
            byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
            System.arraycopy(header, 0, dst, 0, HEADER);
            deflater.reset();
            deflater.setInput(src, 0, length);
            deflater.finish();
            int n = HEADER;
            while (!deflater.finished()) {
                n += deflater.deflate(dst, n, dst.length - n - TRAILER);
            }
            crc.reset();
            crc.update(src, 0, length);
            writeIntLe(dst, n, (int) crc.getValue());
            writeIntLe(dst, n + 4, length);
            return n + TRAILER;
        }

        @Override
        public int decompress(byte[] src, int length, byte[] dst) {
            inflater.reset();
            inflater.setInput(src, HEADER, length - HEADER - TRAILER);
            int n = 0;
            try {
                while (!inflater.finished()) {
                    int read = inflater.inflate(dst, n, dst.length - n);
                    if (read == 0 && (inflater.needsInput() || n == dst.length)) {
                        throw new IllegalStateException("gzip: truncated input or output buffer too small");
                    }
                    n += read;
                }
            } catch (DataFormatException e) {
                throw new IllegalStateException("gzip: corrupt deflate stream", e);
            }
            crc.reset();
            crc.update(dst, 0, n);
            if ((int) crc.getValue() != readIntLe(src, length - TRAILER)) {
                throw new IllegalStateException("gzip: CRC-32 mismatch");
            }
            return n;
        }

        @Override
        public void close() {
            deflater.end();
            inflater.end();
        }

        private static void writeIntLe(byte[] b, int at, int v) {
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >>> 8);
            b[at + 2] = (byte) (v >>> 16);
            b[at + 3] = (byte) (v >>> 24);
        }

        private static int readIntLe(byte[] b, int at) {
            return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
        }
    }

    /** snappy-java's native raw block API. */
    final class Snappy implements RawCodec {
        @Override
        public int maxCompressedLength(int length) {
            return org.xerial.snappy.Snappy.maxCompressedLength(length);
        }

        @Override
        public int compress(byte[] src, int length, byte[] dst) {
            try {
                return org.xerial.snappy.Snappy.compress(src, 0, length, dst, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int decompress(byte[] src, int length, byte[] dst) {
            try {
                return org.xerial.snappy.Snappy.uncompress(src, 0, length, dst, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
        }
    }

    /** lz4-java's fastest instance: the fast compressor at level 9 (Kafka's default), LZ4HC otherwise, as Kafka picks. */
    final class Lz4 implements RawCodec {
        private final LZ4Compressor compressor;
        private final LZ4SafeDecompressor decompressor;

        Lz4(int level) {
            LZ4Factory factory = LZ4Factory.fastestInstance();
            compressor = level == 9 ? factory.fastCompressor() : factory.highCompressor(level);
            decompressor = factory.safeDecompressor();
        }

        @Override
        public int maxCompressedLength(int length) {
            return compressor.maxCompressedLength(length);
        }

        @Override
        public int compress(byte[] src, int length, byte[] dst) {
            return compressor.compress(src, 0, length, dst, 0, dst.length);
        }

        @Override
        public int decompress(byte[] src, int length, byte[] dst) {
            return decompressor.decompress(src, 0, length, dst, 0, dst.length);
        }

        @Override
        public void close() {
        }
    }

    /** zstd-jni with reused compression and decompression contexts. */
    final class Zstd implements RawCodec {
        private final ZstdCompressCtx cctx = new ZstdCompressCtx();
        private final ZstdDecompressCtx dctx = new ZstdDecompressCtx();

        Zstd(int level) {
            cctx.setLevel(level);
        }

        @Override
        public int maxCompressedLength(int length) {
            return (int) com.github.luben.zstd.Zstd.compressBound(length);
        }

        @Override
        public int compress(byte[] src, int length, byte[] dst) {
            return cctx.compressByteArray(dst, 0, dst.length, src, 0, length);
        }

        @Override
        public int decompress(byte[] src, int length, byte[] dst) {
            return dctx.decompressByteArray(dst, 0, dst.length, src, 0, length);
        }

        @Override
        public void close() {
            cctx.close();
            dctx.close();
        }
    }
}
