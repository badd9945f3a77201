package io.sluice.codec.zstd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import com.github.luben.zstd.Zstd;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.CompressionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks our zstd frames against Apache Kafka 4.4's ZstdCompression in both directions. zstd
 * frames are not byte-compared: Kafka streams its frame, whole-batch frames here carry the
 * content size; both are standard frames every zstd reader decodes.
 */
class ZstdKafkaCompatibilityTest {

    private static final ZstdCompressor CODEC = new ZstdCompressor();
    private static final int[] LEVELS = {-131072, -5, 1, 3, 9, 19, 22};

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    /** Levels 19 and 22 are slow: they run on inputs up to 200 KiB only. */
    static Stream<Arguments> payloadsLevelsAndPaths() {
        return TestData.payloads().stream().flatMap(payload -> Stream.of(CodecPaths.values())
                .flatMap(path -> Arrays.stream(LEVELS)
                        .filter(level -> level < 19 || payload.bytes().length <= 200 * 1024)
                        .mapToObj(level -> Arguments.of(payload, level, path))));
    }

    @ParameterizedTest(name = "{0} level {1} via {2}")
    @MethodSource("payloadsLevelsAndPaths")
    void shouldWriteFramesKafkaReads(TestData.Payload payload, int level, CodecPaths path) throws Exception {
        byte[] ours = path.compress(CODEC, payload.bytes(), level);

        assertThat(KafkaOracle.decompress(Compression.zstd().level(level).build(), ours)).isEqualTo(payload.bytes());
    }

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("payloadsAndLevels")
    void shouldReadWhatKafkaWrites(TestData.Payload payload, int level) throws Exception {
        byte[] theirs = KafkaOracle.compress(Compression.zstd().level(level).build(), payload.bytes());

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, theirs)).as("%s", path).isEqualTo(payload.bytes());
        }
    }

    static Stream<Arguments> payloadsAndLevels() {
        return payloadsLevelsAndPaths().filter(arguments -> arguments.get()[2] == CodecPaths.HEAP_TO_HEAP)
                .map(arguments -> Arguments.of(arguments.get()[0], arguments.get()[1]));
    }

    @Test
    void shouldCompressAsWellAsKafkaAtTheDefaultLevel() throws Exception {
        byte[] input = TestData.jsonRecords(1000, 3);

        byte[] ours = CodecPaths.HEAP_TO_HEAP.compress(CODEC, input, 3);
        byte[] theirs = KafkaOracle.compress(Compression.zstd().build(), input);

        // same algorithm and level; the whole-batch frame only adds its content size to the header
        assertThat(ours.length).isLessThanOrEqualTo(theirs.length + 8);
        assertThat(Arrays.copyOf(ours, 4)).containsExactly(0x28, 0xB5, 0x2F, 0xFD);
        assertThat(Zstd.getFrameContentSize(ours)).isEqualTo(input.length);
    }

    @Test
    void shouldDeclareKafkasIdAndLevels() {
        CompressionType zstd = CompressionType.ZSTD;

        assertThat(CODEC.name()).isEqualTo(zstd.name).isEqualTo("zstd");
        assertThat(CODEC.id()).isEqualTo(zstd.id).isEqualTo((byte) 4);
        assertThat(CODEC.hasLevels()).isTrue();
        assertThat(CODEC.defaultLevel()).isEqualTo(zstd.defaultLevel()).isEqualTo(Zstd.defaultCompressionLevel()).isEqualTo(3);
        assertThat(CODEC.minLevel()).isEqualTo(zstd.minLevel()).isEqualTo(Zstd.minCompressionLevel()).isEqualTo(-131072);
        assertThat(CODEC.maxLevel()).isEqualTo(zstd.maxLevel()).isEqualTo(Zstd.maxCompressionLevel()).isEqualTo(22);
    }

    @Test
    void shouldBoundFramesExactlyAsZstdDoes() {
        for (int n : new int[] {0, 1, 100, 131_071, 131_072, 131_073, 1_000_000, 100_000_000}) {
            assertThat(CODEC.maxCompressedLength(n)).as("n=%d", n).isEqualTo(Zstd.compressBound(n));
        }
    }
}
