/**
 * The {@code snappy} codec: {@code compression.type=snappy}. Exports nothing; reached only through
 * {@code io.sluice.api.spi.Compressor}. snappy-java needs its native library; if it cannot load on
 * this platform, {@code configure} fails with a message saying why and what to use instead.
 *
 * <p>snappy-java is an automatic module (its Automatic-Module-Name); the warning about requiring
 * it is expected.
 */
@SuppressWarnings({"requires-automatic"})
module io.sluice.codec.snappy {
    requires io.sluice.api;
    requires org.xerial.snappy;

    provides io.sluice.api.spi.Compressor with io.sluice.codec.snappy.SnappyCompressor;
}
