package io.sluice.codec.snappy;

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
import org.xerial.snappy.Snappy;

/** Checks our snappy against Apache Kafka 4.4's SnappyCompression in both directions, byte for byte. */
class SnappyKafkaCompatibilityTest {

    private static final SnappyCompressor CODEC = new SnappyCompressor();
    private static final Compression KAFKA = Compression.snappy().build();

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    static Stream<Arguments> payloadsAndPaths() {
        return TestData.payloads().stream()
                .flatMap(payload -> Stream.of(CodecPaths.values()).map(path -> Arguments.of(payload, path)));
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("payloadsAndPaths")
    void shouldWriteTheSameBytesAsKafkaSoKafkaReadsThem(TestData.Payload payload, CodecPaths path) throws Exception {
        byte[] ours = path.compress(CODEC, payload.bytes(), 0);

        assertThat(ours).isEqualTo(KafkaOracle.compress(KAFKA, payload.bytes()));
        assertThat(KafkaOracle.decompress(KAFKA, ours)).isEqualTo(payload.bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sluice.codec.snappy.TestData#payloads")
    void shouldReadWhatKafkaWrites(TestData.Payload payload) throws Exception {
        byte[] theirs = KafkaOracle.compress(KAFKA, payload.bytes());

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, theirs)).as("%s", path).isEqualTo(payload.bytes());
        }
    }

    @Test
    void shouldWriteTheXerialHeaderKafkaWrites() {
        byte[] theirs = KafkaOracle.compress(KAFKA, new byte[0]);

        assertThat(theirs).isEqualTo(XerialFraming.header())
                .containsExactly(0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void shouldChunkInputBy32KibAsKafka() throws Exception {
        byte[] input = TestData.random(32 * 1024 + 5, 3);

        byte[] ours = CodecPaths.HEAP_TO_HEAP.compress(CODEC, input, 0);

        int firstChunk = XerialFraming.getIntBE(ours, 16);
        assertThat(Snappy.uncompress(Arrays.copyOfRange(ours, 20, 20 + firstChunk))).isEqualTo(Arrays.copyOf(input, 32 * 1024));
        assertThat(ours).isEqualTo(KafkaOracle.compress(KAFKA, input));
    }

    @Test
    void shouldDeclareKafkasIdAndNoLevels() {
        assertThat(CODEC.name()).isEqualTo(CompressionType.SNAPPY.name).isEqualTo("snappy");
        assertThat(CODEC.id()).isEqualTo(CompressionType.SNAPPY.id).isEqualTo((byte) 2);
        assertThat(CODEC.hasLevels()).isFalse();
    }

    @Test
    void shouldBoundChunksExactlyAsSnappyDoes() {
        for (int n : new int[] {0, 1, 100, 32_767, 32_768, 1_000_000}) {
            assertThat(XerialFraming.maxCompressedBlockLength(n)).as("n=%d", n).isEqualTo(Snappy.maxCompressedLength(n));
        }
    }
}
