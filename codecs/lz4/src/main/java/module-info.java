/**
 * The {@code lz4} codec: {@code compression.type=lz4}. Exports nothing; reached only through
 * {@code io.sluice.api.spi.Compressor}. lz4-java uses its bundled native library where it has one
 * for the platform and falls back to pure Java otherwise, so this codec works everywhere.
 *
 * <p>lz4-java is an automatic module (its Automatic-Module-Name); the warning about requiring
 * it is expected, as is the one about the digit ending the mandated module name.
 */
@SuppressWarnings({"requires-automatic", "module"})
module io.sluice.codec.lz4 {
    requires io.sluice.api;
    requires org.lz4.java;

    provides io.sluice.api.spi.Compressor with io.sluice.codec.lz4.Lz4Compressor;
}
