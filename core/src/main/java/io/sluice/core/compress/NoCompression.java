package io.sluice.core.compress;

import io.sluice.api.spi.Compressor;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The {@code none} codec (id 0): records are written as they are. Built in, and provided through the
 * same SPI as the codec modules. Stateless.
 */
public final class NoCompression implements Compressor {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public byte id() {
        return 0;
    }

    @Override
    public OutputStream compress(OutputStream out, int level) {
        return out;
    }

    @Override
    public InputStream decompress(InputStream in) {
        return in;
    }

    @Override
    public int maxCompressedLength(int sourceLength) {
        return sourceLength;
    }

    @Override
    public int compress(ByteBuffer source, ByteBuffer target, int level) {
        int n = source.remaining();
        target.put(source);
        return n;
    }

    @Override
    public ByteBuffer decompress(ByteBuffer source) {
        ByteBuffer out = source.slice();
        source.position(source.limit());
        return out;
    }
}
