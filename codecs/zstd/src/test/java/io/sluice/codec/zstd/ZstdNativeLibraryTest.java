package io.sluice.codec.zstd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import io.sluice.api.errors.ConfigException;
import org.junit.jupiter.api.Test;

class ZstdNativeLibraryTest {

    @Test
    void shouldLoadTheNativeLibraryOnTheModulePath() {
        assertThat(ZstdNativeLibrary.failure()).isNull();
        assertThatCode(ZstdNativeLibrary::ensureAvailable).doesNotThrowAnyException();
        try (ZstdCompressor codec = new ZstdCompressor()) {
            assertThatCode(() -> codec.configure(Map.of("compression.type", "zstd"))).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldNameCodecPlatformErrorAndRemediesWhenTheLibraryCannotLoad() {
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError("Failed to open resource /linux/riscv32/libzstd-jni-1.5.7-28.so as stream:\n"
                + "Unsupported OS/arch, cannot find /linux/riscv32/libzstd-jni-1.5.7-28.so or load zstd-jni-1.5.7-28 from system libraries.");

        String message = ZstdNativeLibrary.unavailableMessage("Linux", "riscv32", cause);

        assertThat(message)
                .startsWith("compression.type=zstd cannot be used on this platform (os.name=Linux, os.arch=riscv32): zstd-jni 1.5.7-28 failed")
                .contains("java.lang.UnsatisfiedLinkError: Failed to open resource /linux/riscv32/libzstd-jni-1.5.7-28.so as stream: "
                        + "Unsupported OS/arch")
                .contains("Use compression.type=lz4 or compression.type=gzip instead")
                .contains("-DZstdTempFolder=<dir>")
                .contains("-DZstdNativePath=<file>")
                .doesNotContain("\n");
    }

    @Test
    void shouldFailConfigurationOnCompressionTypeWithTheLoadErrorAsCause() {
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError("no zstd-jni-1.5.7-28 in java.library.path");

        ConfigException e = ZstdNativeLibrary.configException(cause);

        assertThat(e.key()).isEqualTo("compression.type");
        assertThat(e).hasCause(cause)
                .hasMessageStartingWith("compression.type=zstd cannot be used on this platform (os.name=" + System.getProperty("os.name")
                        + ", os.arch=" + System.getProperty("os.arch") + ")")
                .hasMessageContaining("no zstd-jni-1.5.7-28 in java.library.path");
    }

    @Test
    void shouldReportTheOriginalErrorBehindALaterNoClassDefFoundError() {
        ExceptionInInitializerError first = new ExceptionInInitializerError("Cannot unpack libzstd-jni-1.5.7-28: No space left on device");
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class com.github.luben.zstd.Zstd");
        later.initCause(first);

        assertThat(ZstdNativeLibrary.describe(later)).isEqualTo(
                "java.lang.NoClassDefFoundError: Could not initialize class com.github.luben.zstd.Zstd; caused by "
                        + "java.lang.ExceptionInInitializerError: Cannot unpack libzstd-jni-1.5.7-28: No space left on device");
    }
}
