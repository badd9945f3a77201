/**
 * The {@code gzip} codec: {@code compression.type=gzip}. Exports nothing; reached only through
 * {@code io.sluice.api.spi.Compressor}. Pure Java (the JDK's zlib), so it works on every platform.
 */
module io.sluice.codec.gzip {
    requires io.sluice.api;

    provides io.sluice.api.spi.Compressor with io.sluice.codec.gzip.GzipCompressor;
}
