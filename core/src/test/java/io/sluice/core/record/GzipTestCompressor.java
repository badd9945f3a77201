package io.sluice.core.record;

import io.sluice.api.spi.Compressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A test-only gzip {@link Compressor} (id 1) on the JDK's streams, so core's tests can exercise
 * compressed batches without depending on the real codec modules. Stateless; tests that need a codec
 * which fails or waits extend it and override {@link #beforeFrame} (see {@link FlakyGzip}).
 */
public class GzipTestCompressor implements Compressor {

    @Override
    public String name() {
        return "gzip";
    }

    @Override
    public byte id() {
        return 1;
    }

    @Override
    public boolean hasLevels() {
        return true;
    }

    @Override
    public int defaultLevel() {
        return Deflater.DEFAULT_COMPRESSION;
    }

    @Override
    public int minLevel() {
        return Deflater.BEST_SPEED;
    }

    @Override
    public int maxLevel() {
        return Deflater.BEST_COMPRESSION;
    }

    /** Runs as each frame starts, before any byte is written; may throw to refuse the frame. */
    protected void beforeFrame() throws IOException {
    }

    @Override
    public final OutputStream compress(OutputStream out, int level) throws IOException {
        beforeFrame();
        return new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(level);
            }
        };
    }

    @Override
    public InputStream decompress(InputStream in) throws IOException {
        return new GZIPInputStream(in, 8192);
    }
}
