package io.sluice.codec.gzip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.CompressionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks our gzip against Apache Kafka 4.4's GzipCompression in both directions, byte for byte. */
class GzipKafkaCompatibilityTest {

    private static final GzipCompressor CODEC = new GzipCompressor();

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    static Stream<Arguments> payloadsLevelsAndPaths() {
        int[] levels = {-1, 1, 5, 9};
        return TestData.payloads().stream().flatMap(payload -> Stream.of(CodecPaths.values())
                .flatMap(path -> java.util.Arrays.stream(levels).mapToObj(level -> Arguments.of(payload, level, path))));
    }

    @ParameterizedTest(name = "{0} level {1} via {2}")
    @MethodSource("payloadsLevelsAndPaths")
    void shouldWriteTheSameBytesAsKafkaSoKafkaReadsThem(TestData.Payload payload, int level, CodecPaths path) throws Exception {
        Compression kafka = Compression.gzip().level(level).build();

        byte[] ours = path.compress(CODEC, payload.bytes(), level);

        assertThat(ours).isEqualTo(KafkaOracle.compress(kafka, payload.bytes()));
        assertThat(KafkaOracle.decompress(kafka, ours)).isEqualTo(payload.bytes());
    }

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("payloadsAndLevels")
    void shouldReadWhatKafkaWrites(TestData.Payload payload, int level) throws Exception {
        byte[] theirs = KafkaOracle.compress(Compression.gzip().level(level).build(), payload.bytes());

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, theirs)).as("%s", path).isEqualTo(payload.bytes());
        }
    }

    static Stream<Arguments> payloadsAndLevels() {
        return payloadsLevelsAndPaths().filter(arguments -> arguments.get()[2] == CodecPaths.HEAP_TO_HEAP)
                .map(arguments -> Arguments.of(arguments.get()[0], arguments.get()[1]));
    }

    @Test
    void shouldStartWithTheJdkGzipHeaderKafkaWrites() {
        byte[] theirs = KafkaOracle.compress(Compression.gzip().build(), new byte[0]);

        assertThat(GzipFormat.header()).isEqualTo(java.util.Arrays.copyOf(theirs, GzipFormat.HEADER_LENGTH))
                .containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
    }

    @Test
    void shouldDeclareKafkasIdAndLevels() {
        CompressionType gzip = CompressionType.GZIP;

        assertThat(CODEC.name()).isEqualTo(gzip.name).isEqualTo("gzip");
        assertThat(CODEC.id()).isEqualTo(gzip.id).isEqualTo((byte) 1);
        assertThat(CODEC.hasLevels()).isTrue();
        assertThat(CODEC.defaultLevel()).isEqualTo(gzip.defaultLevel()).isEqualTo(-1);
        assertThat(CODEC.minLevel()).isEqualTo(gzip.minLevel()).isEqualTo(1);
        assertThat(CODEC.maxLevel()).isEqualTo(gzip.maxLevel()).isEqualTo(9);
    }
}
