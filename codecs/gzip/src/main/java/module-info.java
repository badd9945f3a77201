/**
 * The {@code gzip} codec: {@code compression.type=gzip}. Exports nothing; reached only through
 * {@code io.sluice.api.spi.Compressor}.
 */
module io.sluice.codec.gzip {
    requires io.sluice.api;

}
