package io.sluice.core.record;

import io.sluice.api.spi.Compressor;

/**
 * Finds the {@link Compressor} for a codec id (bits 0-2 of a batch's attributes), so a reader can
 * decompress what other producers wrote. The plugin registry implements it from the
 * {@code Compressor} providers it found; {@link #of} serves tests and fixed sets.
 */
@FunctionalInterface
public interface CompressorLookup {

    /** The compressor for {@code codecId}, or {@code null} if none is available. */
    Compressor forId(int codecId);

    /** A lookup over a fixed set of compressors (the first one per id wins). */
    static CompressorLookup of(Compressor... compressors) {
        Compressor[] byId = new Compressor[RecordBatchDescriptor.COMPRESSION_CODEC_MASK + 1];
        for (Compressor c : compressors) {
            int id = c.id();
            if (id >= 0 && id < byId.length && byId[id] == null) {
                byId[id] = c;
            }
        }
        return id -> id >= 0 && id < byId.length ? byId[id] : null;
    }

    /** A lookup that has no compressor: compressed batches fail with a clear message. */
    static CompressorLookup none() {
        return id -> null;
    }

    /** Kafka's name of a codec id, for messages. */
    static String kafkaName(int codecId) {
        switch (codecId) {
            case 0: return "none";
            case 1: return "gzip";
            case 2: return "snappy";
            case 3: return "lz4";
            case 4: return "zstd";
            default: return "unknown codec";
        }
    }
}
