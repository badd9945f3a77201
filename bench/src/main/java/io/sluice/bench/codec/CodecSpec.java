package io.sluice.bench.codec;

import io.sluice.api.spi.Compressor;
import io.sluice.codec.gzip.GzipCompressor;
import io.sluice.codec.lz4.Lz4Compressor;
import io.sluice.codec.snappy.SnappyCompressor;
import io.sluice.codec.zstd.ZstdCompressor;
import java.util.Map;
import org.apache.kafka.common.compress.Compression;

/**
 * A benchmark parameter such as {@code gzip:-1}, {@code lz4:9} or {@code snappy}: a codec and a
 * level (Kafka's {@code compression.<codec>.level} values; the codec's default when omitted), and
 * the three implementations compared for it: Sluice's codec module, the official client's
 * {@link Compression}, and the library alone. Immutable.
 *
 * @param name  none, gzip, snappy, lz4 or zstd
 * @param level the level, or {@code null} for the codec's default
 */
public record CodecSpec(String name, Integer level) {

    /** Parses {@code name[:level]}. */
    public static CodecSpec parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new CodecSpec(spec, null);
        }
        return new CodecSpec(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)));
    }

    /** Sluice's codec, configured as a producer would configure it; {@code null} for none. */
    public Compressor sluice() {
        Compressor codec;
        switch (name) {
            case "none": return null;
            case "gzip": codec = new GzipCompressor(); break;
            case "snappy": codec = new SnappyCompressor(); break;
            case "lz4": codec = new Lz4Compressor(); break;
            case "zstd": codec = new ZstdCompressor(); break;
            default: throw new IllegalArgumentException("Unknown codec " + name + "; use none, gzip, snappy, lz4 or zstd");
        }
        codec.configure(Map.of());
        return codec;
    }

    /** The level to hand to Sluice's codec: the given one, or its default. */
    public int sluiceLevel(Compressor codec) {
        return level != null ? level : codec.defaultLevel();
    }

    /** The official client's compression for this codec and level. */
    public Compression kafka() {
        switch (name) {
            case "none": return Compression.NONE;
            case "gzip": return level == null ? Compression.gzip().build() : Compression.gzip().level(level).build();
            case "snappy": return Compression.snappy().build();
            case "lz4": return level == null ? Compression.lz4().build() : Compression.lz4().level(level).build();
            case "zstd": return level == null ? Compression.zstd().build() : Compression.zstd().level(level).build();
            default: throw new IllegalArgumentException("Unknown codec " + name + "; use none, gzip, snappy, lz4 or zstd");
        }
    }

    /** The library alone, at the level the codec would use. */
    public RawCodec raw() {
        switch (name) {
            case "gzip": return new RawCodec.Gzip(level == null ? -1 : level);
            case "snappy": return new RawCodec.Snappy();
            case "lz4": return new RawCodec.Lz4(level == null ? 9 : level);
            case "zstd": return new RawCodec.Zstd(level == null ? 3 : level);
            default: throw new IllegalArgumentException("No raw library for codec " + name);
        }
    }

    @Override
    public String toString() {
        return level == null ? name : name + ":" + level;
    }
}
