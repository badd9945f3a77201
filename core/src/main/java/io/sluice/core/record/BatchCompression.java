package io.sluice.core.record;

import io.sluice.api.spi.Compressor;

/**
 * How the records section of a batch is compressed: a {@link Compressor} and its level, chosen
 * once per producer from {@code compression.type} and {@code compression.<codec>.level}.
 * {@link #NONE} (or a compressor with id 0) writes records uncompressed.
 *
 * @param compressor the codec, or {@code null} for none
 * @param level      the level handed to the codec (validated by whoever chose it)
 */
public record BatchCompression(Compressor compressor, int level) {

    public static final BatchCompression NONE = new BatchCompression(null, 0);

    /** The codec at its default level. */
    public static BatchCompression of(Compressor compressor) {
        return new BatchCompression(compressor, compressor.defaultLevel());
    }

    /** The codec id for bits 0-2 of the attributes: 0 when nothing is compressed. */
    public int codecId() {
        return compressor == null ? 0 : compressor.id();
    }

    public boolean isNone() {
        return codecId() == 0;
    }

    /** The codec's name, "none" without one; for messages. */
    public String codecName() {
        return compressor == null ? "none" : compressor.name();
    }
}
