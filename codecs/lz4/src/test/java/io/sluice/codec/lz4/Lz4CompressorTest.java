package io.sluice.codec.lz4;

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
import net.jpountz.lz4.LZ4Factory;
import org.apache.kafka.common.compress.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Lz4CompressorTest {

    @Test
    void shouldBeFoundByServiceLoaderOnTheModulePath() {
        Module module = Lz4Compressor.class.getModule();
        // The codec module provides but does not use the SPI; the test (patched into it) asks to use it.
        module.addUses(Compressor.class);

        List<String> names = new ArrayList<>();
        ServiceLoader.load(module.getLayer(), Compressor.class).forEach(c -> names.add(c.name()));

        assertThat(module.getName()).isEqualTo("io.sluice.codec.lz4");
        assertThat(module.getDescriptor().exports()).isEmpty();
        assertThat(names).contains("lz4");
        assertThat(LZ4Factory.class.getModule().getName()).isEqualTo("org.lz4.java");
    }

    @Test
    void shouldUseTheSameLz4ImplementationAsKafka() {
        // Kafka takes LZ4Factory.fastestInstance() too; on the module path lz4-java still finds its native library.
        assertThat(Lz4Library.compressor(9)).isSameAs(Lz4Library.compressor(9));
        assertThat(Lz4Library.implementation()).isEqualTo(LZ4Factory.fastestInstance().fastCompressor().toString());
        if (System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(Lz4Library.implementation()).contains("JNI");
        }
    }

    @Test
    void shouldAlsoBeListedInMetaInfServicesForTheClassPath() throws IOException {
        try (java.io.InputStream in = Lz4Compressor.class.getModule()
                .getResourceAsStream("META-INF/services/io.sluice.api.spi.Compressor")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip())
                    .isEqualTo(Lz4Compressor.class.getName());
        }
    }

    @Test
    void shouldCompressReadOnlyBuffersToTheSameBytes() throws IOException {
        try (Lz4Compressor codec = new Lz4Compressor()) {
            byte[] input = TestData.mixed(200_000, 4);
            ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(input.length));

            codec.compress(ByteBuffer.wrap(input).asReadOnlyBuffer(), target, 9);

            assertThat(CodecPaths.toArray(target.flip())).isEqualTo(CodecPaths.HEAP_TO_HEAP.compress(codec, input, 9));
            assertThat(CodecPaths.toArray(codec.decompress(target.asReadOnlyBuffer()))).isEqualTo(input);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 18, 100})
    void shouldRefuseLevelsKafkaRefuses(int level) {
        try (Lz4Compressor codec = new Lz4Compressor()) {
            assertThatThrownBy(() -> codec.compress(new ByteArrayOutputStream(), level))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lz4: level " + level + " is not valid")
                    .hasMessageContaining("1..17 (default 9)");
            assertThatThrownBy(() -> codec.compress(ByteBuffer.allocate(1), ByteBuffer.allocate(100), level))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRefuseTargetSmallerThanMaxCompressedLength() {
        try (Lz4Compressor codec = new Lz4Compressor()) {
            ByteBuffer source = ByteBuffer.wrap(TestData.random(1000, 1));
            ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(1000) - 1);

            assertThatThrownBy(() -> codec.compress(source, target, 9))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lz4: target has " + target.remaining() + " bytes remaining");
            assertThat(source.position()).isZero();
            assertThat(target.position()).isZero();
        }
    }

    @Test
    void shouldBoundEveryBlockByLz4sOwnBound() {
        for (int n : new int[] {0, 1, 100, 65_535, 65_536, 65_537, 1_000_000}) {
            assertThat(Lz4Frame.maxCompressedBlockLength(n)).isEqualTo(Lz4Library.compressor(9).maxCompressedLength(n));
        }
        assertThat(Lz4Frame.maxCompressedLength(0)).isEqualTo(11);
        assertThat(Lz4Frame.maxCompressedLength(65_536 + 1)).isEqualTo(11 + 4 + (65_536 + 257 + 16) + 4 + 17);
    }

    @Test
    void shouldRefuseWritesAfterClose() throws IOException {
        try (Lz4Compressor codec = new Lz4Compressor()) {
            OutputStream out = codec.compress(new ByteArrayOutputStream(), 9);
            out.close();
            out.close(); // idempotent

            assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("lz4: the compression stream is closed");
        }
    }

    @Test
    void shouldEmitThePartialBlockOnFlushAsKafkaDoes() throws IOException {
        byte[] input = TestData.repeatedText(1000);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        org.apache.kafka.common.utils.internals.ByteBufferOutputStream theirs = new org.apache.kafka.common.utils.internals.ByteBufferOutputStream(64);
        try (Lz4Compressor codec = new Lz4Compressor();
             OutputStream a = codec.compress(ours, 9);
             OutputStream b = Compression.lz4().build().wrapForOutput(theirs, (byte) 2)) {
            for (OutputStream out : List.of(a, b)) {
                out.write(input);
                out.flush();
                out.write(input);
            }
        }
        ByteBuffer kafka = theirs.buffer().flip();

        assertThat(ByteBuffer.wrap(ours.toByteArray())).isEqualTo(kafka);
    }

    @Test
    void shouldCompressCorrectlyFromManyThreadsSharingOneInstance() throws Exception {
        Compression kafka = Compression.lz4().level(4).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Lz4Compressor codec = new Lz4Compressor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                byte[] input = TestData.concat(TestData.jsonRecords(300 + task, task), TestData.random(task * 1000, task));
                CodecPaths path = CodecPaths.values()[task % CodecPaths.values().length];
                Callable<Boolean> job = () -> Arrays.equals(path.compress(codec, input, 4), KafkaOracle.compress(kafka, input));
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
