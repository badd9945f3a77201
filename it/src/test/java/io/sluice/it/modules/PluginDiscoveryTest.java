package io.sluice.it.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves the plugin wiring the way users meet it: the example program runs in a fresh JVM with only
 * the lz4 codec beside core, once on the module path (providers found through {@code provides}
 * in module-info) and once on the class path (found through {@code META-INF/services}).
 */
class PluginDiscoveryTest {

    private static final Set<String> LZ4_ONLY = new LinkedHashSet<>(List.of(
            "io.sluice.api", "io.sluice.core", "io.sluice.transport.nio", "io.sluice.codec.lz4", "org.lz4.java",
            "io.sluice.partitioners", "io.sluice.examples", "org.slf4j"));

    private static final String REPORT = "io.sluice.examples.PluginReport";

    private final ModulePathLauncher launcher = new ModulePathLauncher();

    @Test
    void onTheModulePathCoreFindsProvidersOfOtherModulesThroughProvides() throws Exception {
        ModulePathLauncher.Result r = launcher.runOnModulePath(LZ4_ONLY, "io.sluice.examples/" + REPORT, "lz4");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output())
                .contains("(module path)")
                .contains("lz4 (io.sluice.codec.lz4.")
                .contains("in module io.sluice.codec.lz4)")
                .contains("nio (io.sluice.transport.nio.")
                .contains("in module io.sluice.transport.nio)")
                .contains("round-robin (")
                .contains("compression.type=lz4: OK")
                .doesNotContain("zstd (")
                .doesNotContain("gzip (");
    }

    @Test
    void onTheModulePathAMissingCodecIsRefusedWithTheArtifactToAdd() throws Exception {
        ModulePathLauncher.Result r = launcher.runOnModulePath(LZ4_ONLY, "io.sluice.examples/" + REPORT, "zstd");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.output()).contains("compression.type=zstd: REFUSED: compression.type=zstd but no Compressor named "
                + "\"zstd\" is on the module path or class path; add io.sluice:sluice-codec-zstd.");
    }

    /**
     * PluginReport proves lz4 is accepted at construction; this proves the lz4 codec also compresses and
     * decompresses on the module path (its code and lz4-java running as named modules, heap and direct
     * buffers), and that zstd is simply absent there.
     */
    @Test
    void onTheModulePathTheLz4CodecCompressesAndDecompressesAndZstdIsAbsent() throws Exception {
        Path probeClasses = Path.of(CodecRoundTripProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModulePathLauncher.Result r = launcher.runBesideModulePath(LZ4_ONLY, probeClasses,
                CodecRoundTripProbe.class.getName(), "lz4", "zstd");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.output()).as(r.toString())
                .contains("io.sluice.codec.lz4", "org.lz4.java")
                .containsPattern("lz4: round trip OK \\(65\\d{3} -> \\d+ bytes\\) in module io.sluice.codec.lz4")
                .contains("zstd: NOT FOUND")
                .doesNotContain("com.github.luben.zstd_jni");
    }

    @Test
    void onTheClassPathProvidersAreFoundThroughMetaInfServices() throws Exception {
        ModulePathLauncher.Result r = launcher.runOnClassPath(LZ4_ONLY, REPORT, "lz4", "zstd");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.output())
                .contains("(class path)")
                .contains("lz4 (io.sluice.codec.lz4.")
                .contains("in the class path)")
                .contains("nio (io.sluice.transport.nio.")
                .contains("compression.type=lz4: OK")
                .contains("compression.type=zstd: REFUSED: compression.type=zstd but no Compressor named \"zstd\"");
    }
}
