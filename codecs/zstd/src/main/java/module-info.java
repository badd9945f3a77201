/**
 * The {@code zstd} codec: {@code compression.type=zstd}. Exports nothing; reached only through
 * {@code io.sluice.api.spi.Compressor}.
 */
module io.sluice.codec.zstd {
    requires io.sluice.api;
    requires com.github.luben.zstd_jni;
}
