package io.sluice.codec.zstd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZstdRoundTripTest {

    private static final ZstdCompressor CODEC = new ZstdCompressor();

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

    static Stream<Arguments> payloadsAndBufferPaths() {
        return payloadsAndPaths().filter(arguments -> !arguments.get()[1].toString().startsWith("STREAM"));
    }

    /** The ByteBuffer paths make one frame in one call, whatever the buffers; streams frame differently (no content size). */
    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("payloadsAndBufferPaths")
    void shouldWriteTheSameBytesWhicheverBuffersCompress(TestData.Payload payload, CodecPaths path) throws Exception {
        byte[] reference = CodecPaths.HEAP_TO_HEAP.compress(CODEC, payload.bytes(), 1);

        assertThat(path.compress(CODEC, payload.bytes(), 1)).isEqualTo(reference);
    }

    @ParameterizedTest(name = "level {0}")
    @MethodSource("levels")
    void shouldRoundTripAtEveryLevel(int level) throws Exception {
        byte[] input = TestData.jsonRecords(500, level + 10);
        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, path.compress(CODEC, input, level))).as("%s", path).isEqualTo(input);
        }
    }

    static Stream<Integer> levels() {
        return Stream.of(-131072, -1000, -5, -1, 0, 1, 2, 3, 5, 9, 12, 15, 19, 22);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sluice.codec.zstd.TestData#payloads")
    void shouldDecompressConcatenatedFramesAsOneStream(TestData.Payload payload) throws Exception {
        byte[] first = CodecPaths.HEAP_TO_HEAP.compress(CODEC, payload.bytes(), 1);
        byte[] second = CodecPaths.HEAP_TO_HEAP.compress(CODEC, TestData.repeatedText(100), 9);
        byte[] expected = TestData.concat(payload.bytes(), TestData.repeatedText(100));

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, TestData.concat(first, second))).as("%s", path).isEqualTo(expected);
        }
    }
}
