package io.sluice.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerfSampleTest {

    private static final String LIBJVM = "/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so";

    @Test
    void shouldReadThreadNameWithSpacesTidTimeSymbolAndDso() {
        PerfSample s = PerfSample.parse(
                " C2 CompilerThre 13789 32093.259592:      7f15346463de PhaseOutput::BuildOopMaps (" + LIBJVM + ")");

        assertThat(s).isEqualTo(new PerfSample("C2 CompilerThre", 13789, 32093.259592, "PhaseOutput::BuildOopMaps", LIBJVM));
        assertThat(s.dsoName()).isEqualTo("libjvm.so");
        assertThat(s.kind()).isEqualTo(CodeKind.JVM);
    }

    @Test
    void shouldKeepAThreadNameEndingInDigitsApartFromTheTid() {
        PerfSample s = PerfSample.parse("     GC Thread#1 15567 32322.500001:      7f15349ec628 G1ParScanThreadState::trim_queue ("
                + LIBJVM + ")");

        assertThat(s.comm()).isEqualTo("GC Thread#1");
        assertThat(s.tid()).isEqualTo(15567);
    }

    @Test
    void shouldKeepTheParenthesesOfAJitCompiledJavaMethodsSignature() {
        PerfSample s = PerfSample.parse("            java 13777 32096.024029:      7f151cf83fb2 void io.sluice.examples.perf."
                + "PerfRun.sendAll(io.sluice.api.Producer, io.sluice.examples.perf.CompletionSlots) (/tmp/perf-13775.map)");

        assertThat(s.symbol()).isEqualTo("void io.sluice.examples.perf.PerfRun.sendAll(io.sluice.api.Producer, "
                + "io.sluice.examples.perf.CompletionSlots)");
        assertThat(s.dso()).isEqualTo("/tmp/perf-13775.map");
        assertThat(s.kind()).isEqualTo(CodeKind.JIT_JAVA);
    }

    @Test
    void shouldReadAKernelSymbolWithoutItsOffset() {
        PerfSample s = PerfSample.parse(
                " C2 CompilerThre 13789 32097.657216:  ffffffff82200809 _raw_spin_unlock_irqrestore+0x1d ([kernel.kallsyms])");

        assertThat(s.symbol()).isEqualTo("_raw_spin_unlock_irqrestore");
        assertThat(s.dso()).isEqualTo("[kernel.kallsyms]");
        assertThat(s.kind()).isEqualTo(CodeKind.KERNEL);
    }

    @Test
    void shouldReadAnUnknownSymbolInANativeCompressionLibrary() {
        PerfSample s = PerfSample.parse(
                " sluice-producer 13795 32091.158570:      7f14f8a1b2c3 [unknown] (/tmp/liblz4-java-8734560712345.so)");

        assertThat(s.comm()).isEqualTo("sluice-producer");
        assertThat(s.symbol()).isEqualTo(PerfSample.UNKNOWN);
        assertThat(s.dsoName()).isEqualTo("liblz4-java-8734560712345.so");
        assertThat(s.kind()).isEqualTo(CodeKind.COMPRESSION);
    }

    @Test
    void shouldCountALineWithoutALocationAsASampleInUnknownCode() {
        PerfSample s = PerfSample.parse("            java 13775 32089.408512: ");

        assertThat(s).isEqualTo(new PerfSample("java", 13775, 32089.408512, PerfSample.UNKNOWN, PerfSample.UNKNOWN));
        assertThat(s.kind()).isEqualTo(CodeKind.OTHER);
    }

    @Test
    void shouldSkipLinesThatAreNotSamples() {
        assertThat(PerfSample.parse("")).isNull();
        assertThat(PerfSample.parse("# ========")).isNull();
        assertThat(PerfSample.parse("Warning: 3 samples lost")).isNull();
    }
}
