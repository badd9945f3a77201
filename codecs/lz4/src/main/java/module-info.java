/**
 * The {@code lz4} codec: {@code compression.type=lz4}. Exports nothing; reached only through
 * {@code io.sluice.api.spi.Compressor}.
 */
module io.sluice.codec.lz4 {
    requires io.sluice.api;
    requires org.lz4.java;
}
