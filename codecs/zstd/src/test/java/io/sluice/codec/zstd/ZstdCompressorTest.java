package io.sluice.codec.zstd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.sluice.api.spi.Compressor;
import org.apache.kafka.common.compress.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZstdCompressorTest {

    @Test
    void shouldBeFoundByServiceLoaderOnTheModulePath() {
        Module module = ZstdCompressor.class.getModule();
        // The codec module provides but does not use the SPI; the test (patched into it) asks to use it.
        module.addUses(Compressor.class);

        List<String> names = new ArrayList<>();
        ServiceLoader.load(module.getLayer(), Compressor.class).forEach(c -> names.add(c.name()));

        assertThat(module.getName()).isEqualTo("io.sluice.codec.zstd");
        assertThat(module.getDescriptor().exports()).isEmpty();
        assertThat(names).contains("zstd");
        assertThat(com.github.luben.zstd.Zstd.class.getModule().getName()).isEqualTo("com.github.luben.zstd_jni");
    }

    @Test
    void shouldAlsoBeListedInMetaInfServicesForTheClassPath() throws IOException {
        try (java.io.InputStream in = ZstdCompressor.class.getModule()
                .getResourceAsStream("META-INF/services/io.sluice.api.spi.Compressor")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip())
                    .isEqualTo(ZstdCompressor.class.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-131073, 23, Integer.MIN_VALUE})
    void shouldRefuseLevelsKafkaRefuses(int level) {
        try (ZstdCompressor codec = new ZstdCompressor()) {
            assertThatThrownBy(() -> codec.compress(new ByteArrayOutputStream(), level))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zstd: level " + level + " is not valid")
                    .hasMessageContaining("-131072..22 (default 3");
            assertThatThrownBy(() -> codec.compress(ByteBuffer.allocate(1), ByteBuffer.allocate(100), level))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRefuseTargetSmallerThanMaxCompressedLength() {
        try (ZstdCompressor codec = new ZstdCompressor()) {
            ByteBuffer source = ByteBuffer.wrap(TestData.random(1000, 1));
            ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(1000) - 1);

            assertThatThrownBy(() -> codec.compress(source, target, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zstd: target has " + target.remaining() + " bytes remaining");
            assertThat(source.position()).isZero();
            assertThat(target.position()).isZero();
        }
    }

    @Test
    void shouldCompressReadOnlyBuffers() {
        try (ZstdCompressor codec = new ZstdCompressor()) {
            byte[] input = TestData.jsonRecords(100, 1);
            ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(input.length));

            codec.compress(ByteBuffer.wrap(input).asReadOnlyBuffer(), target, 3);

            assertThat(CodecPaths.toArray(codec.decompress(target.flip().asReadOnlyBuffer()))).isEqualTo(input);
        }
    }

    @Test
    void shouldRefuseWritesAfterClose() throws IOException {
        try (ZstdCompressor codec = new ZstdCompressor()) {
            OutputStream out = codec.compress(new ByteArrayOutputStream(), 3);
            out.close();
            out.close(); // idempotent

            assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("zstd: the compression stream is closed");
        }
    }

    @Test
    void shouldMakeFlushedBytesDecodable() throws IOException {
        byte[] input = TestData.jsonRecords(20, 5);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ZstdCompressor codec = new ZstdCompressor(); OutputStream out = codec.compress(sink, 3)) {
            out.write(input);
            out.flush();
            byte[] flushed = sink.toByteArray();

            try (var in = codec.decompress(new java.io.ByteArrayInputStream(flushed))) {
                assertThat(in.readNBytes(input.length)).isEqualTo(input);
            }
        }
    }

    @Test
    void shouldCompressCorrectlyFromManyThreadsSharingOneInstance() throws Exception {
        Compression kafka = Compression.zstd().level(5).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ZstdCompressor codec = new ZstdCompressor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                byte[] input = TestData.concat(TestData.jsonRecords(300 + task, task), TestData.random(task * 1000, task));
                CodecPaths path = CodecPaths.values()[task % CodecPaths.values().length];
                int level = task % 2 == 0 ? 5 : -3; // contexts switch levels between batches
                Callable<Boolean> job = () -> {
                    byte[] compressed = path.compress(codec, input, level);
                    return Arrays.equals(KafkaOracle.decompress(kafka, compressed), input)
                            && Arrays.equals(path.decompress(codec, compressed), input);
                };
                results.add(pool.submit(job));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
