package io.sluice.codec.snappy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xerial.snappy.Snappy;

class SnappyRoundTripTest {

    private static final SnappyCompressor CODEC = new SnappyCompressor();

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
        byte[] compressed = path.compress(CODEC, payload.bytes(), 0);

        assertThat(path.decompress(CODEC, compressed)).isEqualTo(payload.bytes());
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("payloadsAndPaths")
    void shouldWriteTheSameBytesWhicheverPathCompresses(TestData.Payload payload, CodecPaths path) throws Exception {
        byte[] reference = CodecPaths.HEAP_TO_HEAP.compress(CODEC, payload.bytes(), 0);

        assertThat(path.compress(CODEC, payload.bytes(), 0)).isEqualTo(reference);
    }

    /** librdkafka and franz-go write one raw snappy block, without xerial framing. */
    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("payloadsAndPaths")
    void shouldReadRawSnappyBlocksAsOtherClientsWriteThem(TestData.Payload payload, CodecPaths path) throws Exception {
        byte[] raw = Snappy.compress(payload.bytes());

        assertThat(path.decompress(CODEC, raw)).isEqualTo(payload.bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sluice.codec.snappy.TestData#payloads")
    void shouldDecompressConcatenatedXerialStreamsAsOne(TestData.Payload payload) throws Exception {
        byte[] first = CodecPaths.HEAP_TO_HEAP.compress(CODEC, payload.bytes(), 0);
        byte[] second = CodecPaths.HEAP_TO_HEAP.compress(CODEC, TestData.repeatedText(100), 0);
        byte[] expected = TestData.concat(payload.bytes(), TestData.repeatedText(100));

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, TestData.concat(first, second))).as("%s", path).isEqualTo(expected);
        }
    }
}
