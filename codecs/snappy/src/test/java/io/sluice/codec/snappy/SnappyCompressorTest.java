package io.sluice.codec.snappy;

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
import org.apache.kafka.common.utils.internals.ByteBufferOutputStream;
import org.junit.jupiter.api.Test;

class SnappyCompressorTest {

    @Test
    void shouldBeFoundByServiceLoaderOnTheModulePath() {
        Module module = SnappyCompressor.class.getModule();
        // The codec module provides but does not use the SPI; the test (patched into it) asks to use it.
        module.addUses(Compressor.class);

        List<String> names = new ArrayList<>();
        ServiceLoader.load(module.getLayer(), Compressor.class).forEach(c -> names.add(c.name()));

        assertThat(module.getName()).isEqualTo("io.sluice.codec.snappy");
        assertThat(module.getDescriptor().exports()).isEmpty();
        assertThat(names).contains("snappy");
        assertThat(org.xerial.snappy.Snappy.class.getModule().getName()).isEqualTo("org.xerial.snappy");
    }

    @Test
    void shouldAlsoBeListedInMetaInfServicesForTheClassPath() throws IOException {
        try (java.io.InputStream in = SnappyCompressor.class.getModule()
                .getResourceAsStream("META-INF/services/io.sluice.api.spi.Compressor")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip())
                    .isEqualTo(SnappyCompressor.class.getName());
        }
    }

    @Test
    void shouldRefuseTargetSmallerThanMaxCompressedLength() {
        try (SnappyCompressor codec = new SnappyCompressor()) {
            ByteBuffer source = ByteBuffer.wrap(TestData.random(1000, 1));
            ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(1000) - 1);

            assertThatThrownBy(() -> codec.compress(source, target, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("snappy: target has " + target.remaining() + " bytes remaining");
            assertThat(source.position()).isZero();
            assertThat(target.position()).isZero();
        }
    }

    @Test
    void shouldCompressReadOnlySourcesToTheSameBytes() throws IOException {
        try (SnappyCompressor codec = new SnappyCompressor()) {
            byte[] input = TestData.mixed(100_000, 4);
            ByteBuffer target = ByteBuffer.allocateDirect(codec.maxCompressedLength(input.length));

            codec.compress(ByteBuffer.wrap(input).asReadOnlyBuffer(), target, 0);

            assertThat(CodecPaths.toArray(target.flip())).isEqualTo(CodecPaths.HEAP_TO_HEAP.compress(codec, input, 0));
            assertThat(CodecPaths.toArray(codec.decompress(target.asReadOnlyBuffer()))).isEqualTo(input);
        }
    }

    @Test
    void shouldRefuseWritesAfterClose() throws IOException {
        try (SnappyCompressor codec = new SnappyCompressor()) {
            OutputStream out = codec.compress(new ByteArrayOutputStream(), 0);
            out.close();
            out.close(); // idempotent

            assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("snappy: the compression stream is closed");
        }
    }

    @Test
    void shouldEmitThePartialBlockOnFlushAsKafkaDoes() throws IOException {
        byte[] input = TestData.repeatedText(1000);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteBufferOutputStream theirs = new ByteBufferOutputStream(64);
        try (SnappyCompressor codec = new SnappyCompressor();
             OutputStream a = codec.compress(ours, 0);
             OutputStream b = Compression.snappy().build().wrapForOutput(theirs, (byte) 2)) {
            for (OutputStream out : List.of(a, b)) {
                out.write(input);
                out.flush();
                out.write(input);
            }
        }

        assertThat(ByteBuffer.wrap(ours.toByteArray())).isEqualTo(theirs.buffer().flip());
    }

    @Test
    void shouldCompressCorrectlyFromManyThreadsSharingOneInstance() throws Exception {
        Compression kafka = Compression.snappy().build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SnappyCompressor codec = new SnappyCompressor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                byte[] input = TestData.concat(TestData.jsonRecords(300 + task, task), TestData.random(task * 1000, task));
                CodecPaths path = CodecPaths.values()[task % CodecPaths.values().length];
                Callable<Boolean> job = () -> Arrays.equals(path.compress(codec, input, 0), KafkaOracle.compress(kafka, input));
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
