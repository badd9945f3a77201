package io.sluice.codec.gzip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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

class GzipCompressorTest {

    @Test
    void shouldBeFoundByServiceLoaderOnTheModulePath() {
        Module module = GzipCompressor.class.getModule();
        // The codec module provides but does not use the SPI; the test (patched into it) asks to use it.
        module.addUses(Compressor.class);

        List<String> names = new ArrayList<>();
        ServiceLoader.load(module.getLayer(), Compressor.class).forEach(c -> names.add(c.name()));

        assertThat(module.getName()).isEqualTo("io.sluice.codec.gzip");
        assertThat(module.getDescriptor().exports()).isEmpty();
        assertThat(names).contains("gzip");
    }

    @Test
    void shouldAlsoBeListedInMetaInfServicesForTheClassPath() throws IOException {
        try (java.io.InputStream in = GzipCompressor.class.getModule()
                .getResourceAsStream("META-INF/services/io.sluice.api.spi.Compressor")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip())
                    .isEqualTo(GzipCompressor.class.getName());
        }
    }

    @Test
    void shouldCompressReadOnlyBuffersToTheSameBytes() throws IOException {
        try (GzipCompressor codec = new GzipCompressor()) {
            byte[] input = TestData.mixed(200_000, 4);
            ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(input.length));

            codec.compress(ByteBuffer.wrap(input).asReadOnlyBuffer(), target, -1);

            assertThat(CodecPaths.toArray(target.flip())).isEqualTo(CodecPaths.HEAP_TO_HEAP.compress(codec, input, -1));
            assertThat(CodecPaths.toArray(codec.decompress(target.asReadOnlyBuffer()))).isEqualTo(input);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -2, 10, 22})
    void shouldRefuseLevelsKafkaRefuses(int level) {
        try (GzipCompressor codec = new GzipCompressor()) {
            assertThatThrownBy(() -> codec.compress(new ByteArrayOutputStream(), level))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gzip: level " + level + " is not valid")
                    .hasMessageContaining("-1 (zlib's default) or 1..9");
            assertThatThrownBy(() -> codec.compress(ByteBuffer.allocate(1), ByteBuffer.allocate(100), level))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRefuseTargetSmallerThanMaxCompressedLength() {
        try (GzipCompressor codec = new GzipCompressor()) {
            ByteBuffer source = ByteBuffer.wrap(TestData.random(1000, 1));
            ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(1000) - 1);

            assertThatThrownBy(() -> codec.compress(source, target, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gzip: target has " + target.remaining() + " bytes remaining");
            assertThat(source.position()).isZero();
            assertThat(target.position()).isZero();
        }
    }

    @Test
    void shouldBoundIncompressibleInputByMaxCompressedLength() {
        try (GzipCompressor codec = new GzipCompressor()) {
            for (int length : new int[] {0, 1, 100, 65_536, 1_000_000}) {
                byte[] input = TestData.random(length, length);
                ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(length));

                int written = codec.compress(ByteBuffer.wrap(input), target, 9);

                assertThat(written).isLessThanOrEqualTo(codec.maxCompressedLength(length));
            }
        }
    }

    @Test
    void shouldRefuseWritesAfterClose() throws IOException {
        try (GzipCompressor codec = new GzipCompressor()) {
            OutputStream out = codec.compress(new ByteArrayOutputStream(), -1);
            out.close();
            out.close(); // idempotent

            assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("gzip: the compression stream is closed");
        }
    }

    @Test
    void shouldCompressCorrectlyFromManyThreadsSharingOneInstance() throws Exception {
        Compression kafka = Compression.gzip().level(3).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (GzipCompressor codec = new GzipCompressor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                byte[] input = TestData.jsonRecords(200 + task, task);
                CodecPaths path = CodecPaths.values()[task % CodecPaths.values().length];
                Callable<Boolean> job = () -> java.util.Arrays.equals(path.compress(codec, input, 3), KafkaOracle.compress(kafka, input));
                results.add(pool.submit(job));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldStillWorkForStreamsOpenedBeforeClose() throws Exception {
        GzipCompressor codec = new GzipCompressor();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = codec.compress(sink, 5);
        codec.close();
        out.write(TestData.repeatedText(5000));
        out.close();

        assertThat(KafkaOracle.decompress(Compression.gzip().build(), sink.toByteArray())).isEqualTo(TestData.repeatedText(5000));
    }
}
