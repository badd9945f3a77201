package io.sluice.codec.lz4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Lz4RoundTripTest {

    private static final Lz4Compressor CODEC = new Lz4Compressor();

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
    void shouldRoundTripEveryPayloadThroughEveryPath(TestData.Payload payload, CodecPaths path) throws Exception {
        byte[] compressed = path.compress(CODEC, payload.bytes(), CODEC.defaultLevel());

        assertThat(path.decompress(CODEC, compressed)).isEqualTo(payload.bytes());
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("payloadsAndPaths")
    void shouldWriteTheSameBytesWhicheverPathCompresses(TestData.Payload payload, CodecPaths path) throws Exception {
        byte[] reference = CodecPaths.HEAP_TO_HEAP.compress(CODEC, payload.bytes(), 9);

        assertThat(path.compress(CODEC, payload.bytes(), 9)).isEqualTo(reference);
    }

    static IntStream levels() {
        return IntStream.rangeClosed(1, 17);
    }

    @ParameterizedTest(name = "level {0}")
    @MethodSource("levels")
    void shouldRoundTripAtEveryLevel(int level) throws Exception {
        byte[] input = TestData.concat(TestData.jsonRecords(1000, level), TestData.random(70_000, level));
        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, path.compress(CODEC, input, level))).as("%s", path).isEqualTo(input);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sluice.codec.lz4.TestData#payloads")
    void shouldDecompressConcatenatedFramesAsOneStream(TestData.Payload payload) throws Exception {
        byte[] first = CodecPaths.HEAP_TO_HEAP.compress(CODEC, payload.bytes(), 9);
        byte[] second = CodecPaths.HEAP_TO_HEAP.compress(CODEC, TestData.repeatedText(100), 3);
        byte[] expected = TestData.concat(payload.bytes(), TestData.repeatedText(100));

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, TestData.concat(first, second))).as("%s", path).isEqualTo(expected);
        }
    }
}
