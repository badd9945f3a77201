package io.sluice.codec.lz4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.CompressionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks our lz4 frames against Apache Kafka 4.4's Lz4Compression in both directions, byte for byte. */
class Lz4KafkaCompatibilityTest {

    private static final Lz4Compressor CODEC = new Lz4Compressor();

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    static Stream<Arguments> payloadsLevelsAndPaths() {
        int[] levels = {1, 4, 9, 12, 17};
        return TestData.payloads().stream().flatMap(payload -> Stream.of(CodecPaths.values())
                .flatMap(path -> Arrays.stream(levels).mapToObj(level -> Arguments.of(payload, level, path))));
    }

    @ParameterizedTest(name = "{0} level {1} via {2}")
    @MethodSource("payloadsLevelsAndPaths")
    void shouldWriteTheSameBytesAsKafkaSoKafkaReadsThem(TestData.Payload payload, int level, CodecPaths path) throws Exception {
        Compression kafka = Compression.lz4().level(level).build();

        byte[] ours = path.compress(CODEC, payload.bytes(), level);

        assertThat(ours).isEqualTo(KafkaOracle.compress(kafka, payload.bytes()));
        assertThat(KafkaOracle.decompress(kafka, ours)).isEqualTo(payload.bytes());
    }

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("payloadsAndLevels")
    void shouldReadWhatKafkaWrites(TestData.Payload payload, int level) throws Exception {
        byte[] theirs = KafkaOracle.compress(Compression.lz4().level(level).build(), payload.bytes());

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, theirs)).as("%s", path).isEqualTo(payload.bytes());
        }
    }

    static Stream<Arguments> payloadsAndLevels() {
        return payloadsLevelsAndPaths().filter(arguments -> arguments.get()[2] == CodecPaths.HEAP_TO_HEAP)
                .map(arguments -> Arguments.of(arguments.get()[0], arguments.get()[1]));
    }

    @Test
    void shouldWriteKafkasMagicV2HeaderWithTheCorrectChecksum() {
        byte[] theirs = KafkaOracle.compress(Compression.lz4().build(), new byte[0]);

        assertThat(Lz4Frame.header()).isEqualTo(Arrays.copyOf(theirs, Lz4Frame.HEADER_LENGTH));
        assertThat(Arrays.copyOf(theirs, 6)).containsExactly(0x04, 0x22, 0x4D, 0x18, 0x60, 0x40);
        // header + end mark, nothing else, for an empty batch
        assertThat(theirs).hasSize(Lz4Frame.HEADER_LENGTH + Lz4Frame.END_MARK_LENGTH);
    }

    @Test
    void shouldStoreIncompressibleBlocksWithTheHighBitAsKafkaDoes() throws Exception {
        byte[] input = TestData.random(100, 9);

        byte[] ours = CodecPaths.HEAP_TO_HEAP.compress(CODEC, input, 9);

        assertThat(Arrays.copyOfRange(ours, 7, 11)).containsExactly(100, 0, 0, 0x80);
        assertThat(Arrays.copyOfRange(ours, 11, 111)).isEqualTo(input);
        assertThat(ours).isEqualTo(KafkaOracle.compress(Compression.lz4().build(), input));
    }

    @Test
    void shouldDeclareKafkasIdAndLevels() {
        CompressionType lz4 = CompressionType.LZ4;

        assertThat(CODEC.name()).isEqualTo(lz4.name).isEqualTo("lz4");
        assertThat(CODEC.id()).isEqualTo(lz4.id).isEqualTo((byte) 3);
        assertThat(CODEC.hasLevels()).isTrue();
        assertThat(CODEC.defaultLevel()).isEqualTo(lz4.defaultLevel()).isEqualTo(9);
        assertThat(CODEC.minLevel()).isEqualTo(lz4.minLevel()).isEqualTo(1);
        assertThat(CODEC.maxLevel()).isEqualTo(lz4.maxLevel()).isEqualTo(17);
    }
}
