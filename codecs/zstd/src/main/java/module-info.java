/**
 * The {@code zstd} codec: {@code compression.type=zstd}. Exports nothing; reached only through
 * {@code io.sluice.api.spi.Compressor}. zstd-jni needs its native library; if it cannot load on
 * this platform, {@code configure} fails with a message saying why and what to use instead.
 */
module io.sluice.codec.zstd {
    requires io.sluice.api;
    requires com.github.luben.zstd_jni;

    provides io.sluice.api.spi.Compressor with io.sluice.codec.zstd.ZstdCompressor;
}
