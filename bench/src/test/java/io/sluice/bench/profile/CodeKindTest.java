package io.sluice.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeKindTest {

    @Test
    void shouldTellTheInterpreterFromJitCompiledCodeInThePerfMap() {
        assertThat(CodeKind.of("Interpreter", "/tmp/perf-4242.map")).isEqualTo(CodeKind.INTERPRETER);
        assertThat(CodeKind.of("void a.B.c()", "/tmp/perf-4242.map")).isEqualTo(CodeKind.JIT_JAVA);
        assertThat(CodeKind.of("StubRoutines (2)", "/tmp/perf-4242.map")).isEqualTo(CodeKind.JIT_JAVA);
    }

    @Test
    void shouldPutEveryCodecsNativeLibraryUnderCompression() {
        assertThat(CodeKind.of("[unknown]", "/tmp/liblz4-java-123.so")).isEqualTo(CodeKind.COMPRESSION);
        assertThat(CodeKind.of("ZSTD_compressBlock_fast", "/tmp/libzstd-jni-1.5.6-48763245.so")).isEqualTo(CodeKind.COMPRESSION);
        assertThat(CodeKind.of("snappy::Compress", "/tmp/snappy-1.1.10-5a7d-libsnappyjava.so")).isEqualTo(CodeKind.COMPRESSION);
        assertThat(CodeKind.of("deflate", "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13")).isEqualTo(CodeKind.COMPRESSION);
    }

    @Test
    void shouldSeparateJvmKernelVdsoAndTheRest() {
        assertThat(CodeKind.of("Compile::Optimize", "/usr/lib/jvm/java-17/lib/server/libjvm.so")).isEqualTo(CodeKind.JVM);
        assertThat(CodeKind.of("tcp_sendmsg", "[kernel.kallsyms]")).isEqualTo(CodeKind.KERNEL);
        assertThat(CodeKind.of("nf_hook_slow", "[nf_tables]")).isEqualTo(CodeKind.KERNEL);
        assertThat(CodeKind.of("__vdso_clock_gettime", "[vdso]")).isEqualTo(CodeKind.VDSO);
        assertThat(CodeKind.of("__memmove_avx_unaligned_erms", "/usr/lib/x86_64-linux-gnu/libc.so.6")).isEqualTo(CodeKind.OTHER);
        assertThat(CodeKind.of("Java_sun_nio_ch_IOUtil_drain", "/usr/lib/jvm/java-17/lib/libnio.so")).isEqualTo(CodeKind.OTHER);
        assertThat(CodeKind.of("[unknown]", "[unknown]")).isEqualTo(CodeKind.OTHER);
    }
}
