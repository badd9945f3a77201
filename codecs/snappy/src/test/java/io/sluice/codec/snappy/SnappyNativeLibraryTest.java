package io.sluice.codec.snappy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import io.sluice.api.errors.ConfigException;
import org.junit.jupiter.api.Test;

class SnappyNativeLibraryTest {

    @Test
    void shouldLoadTheNativeLibraryOnTheModulePath() {
        assertThat(SnappyNativeLibrary.failure()).isNull();
        assertThatCode(SnappyNativeLibrary::ensureAvailable).doesNotThrowAnyException();
        try (SnappyCompressor codec = new SnappyCompressor()) {
            assertThatCode(() -> codec.configure(Map.of("compression.type", "snappy"))).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldNameCodecPlatformErrorAndRemediesWhenTheLibraryCannotLoad() {
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError(
                "/tmp/snappy-1.1.10-0a1b-libsnappyjava.so: failed to map segment from shared object");

        String message = SnappyNativeLibrary.unavailableMessage("Linux", "aarch64", cause);

        assertThat(message)
                .startsWith("compression.type=snappy cannot be used on this platform (os.name=Linux, os.arch=aarch64): "
                        + "snappy-java 1.1.10.12 failed to load its native library: java.lang.UnsatisfiedLinkError: "
                        + "/tmp/snappy-1.1.10-0a1b-libsnappyjava.so: failed to map segment from shared object.")
                .contains("Use compression.type=lz4 or compression.type=gzip instead")
                .contains("-Dorg.xerial.snappy.tempdir=<dir>")
                .contains("-Dorg.xerial.snappy.use.systemlib=true")
                .doesNotContain("\n");
    }

    @Test
    void shouldFailConfigurationOnCompressionTypeWithTheLoadErrorAsCause() {
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError("no snappyjava in java.library.path");

        ConfigException e = SnappyNativeLibrary.configException(cause);

        assertThat(e.key()).isEqualTo("compression.type");
        assertThat(e).hasCause(cause)
                .hasMessageStartingWith("compression.type=snappy cannot be used on this platform (os.name=" + System.getProperty("os.name")
                        + ", os.arch=" + System.getProperty("os.arch") + ")")
                .hasMessageContaining("no snappyjava in java.library.path");
    }

    @Test
    void shouldReportTheOriginalErrorBehindALaterNoClassDefFoundError() {
        Error first = new org.xerial.snappy.SnappyError(org.xerial.snappy.SnappyErrorCode.FAILED_TO_LOAD_NATIVE_LIBRARY,
                "no native library is found for os.name=Linux and os.arch=loongarch64");
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class org.xerial.snappy.Snappy");
        later.initCause(first);

        assertThat(SnappyNativeLibrary.describe(later))
                .startsWith("java.lang.NoClassDefFoundError: Could not initialize class org.xerial.snappy.Snappy; caused by "
                        + "org.xerial.snappy.SnappyError: ")
                .contains("no native library is found for os.name=Linux and os.arch=loongarch64");
    }
}
