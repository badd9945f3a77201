/**
 * The {@code snappy} codec: {@code compression.type=snappy}. Exports nothing; reached only through
 * {@code io.sluice.api.spi.Compressor}.
 */
module io.sluice.codec.snappy {
    requires io.sluice.api;
    requires org.xerial.snappy;
}
