package io.sluice.codec.lz4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG.Bits;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frames as other producers (librdkafka's liblz4, franz-go) may write them: with block checksums,
 * content size and content checksum, and larger blocks. Written here by lz4-java's own frame writer.
 */
class Lz4OtherProducersTest {

    private static final Lz4Compressor CODEC = new Lz4Compressor();
    private static final byte[] INPUT = TestData.mixed(600_000, 11);

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    static Stream<Arguments> frameOptions() {
        return Stream.of(
                Arguments.of(BLOCKSIZE.SIZE_64KB, new Bits[] {Bits.BLOCK_INDEPENDENCE, Bits.BLOCK_CHECKSUM}),
                Arguments.of(BLOCKSIZE.SIZE_256KB, new Bits[] {Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_CHECKSUM}),
                Arguments.of(BLOCKSIZE.SIZE_1MB, new Bits[] {Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_SIZE, Bits.CONTENT_CHECKSUM}),
                Arguments.of(BLOCKSIZE.SIZE_4MB, new Bits[] {Bits.BLOCK_INDEPENDENCE, Bits.BLOCK_CHECKSUM, Bits.CONTENT_SIZE,
                    Bits.CONTENT_CHECKSUM}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("frameOptions")
    void shouldReadFramesWithChecksumsContentSizeAndLargerBlocks(BLOCKSIZE blockSize, Bits[] bits) throws Exception {
        byte[] frame = foreignFrame(INPUT, blockSize, bits);

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, frame)).as("%s", path).isEqualTo(INPUT);
        }
    }

    @Test
    void oneCodecDecodesFramesOfAlternatingBlockSizesWithItsReusedBlockBuffers() throws Exception {
        Lz4Compressor codec = new Lz4Compressor();
        try {
            byte[] small = foreignFrame(INPUT, BLOCKSIZE.SIZE_64KB, Bits.BLOCK_INDEPENDENCE);
            byte[] large = foreignFrame(INPUT, BLOCKSIZE.SIZE_4MB, Bits.BLOCK_INDEPENDENCE);
            byte[] otherInput = TestData.mixed(200_000, 12);
            byte[] smallOther = foreignFrame(otherInput, BLOCKSIZE.SIZE_64KB, Bits.BLOCK_INDEPENDENCE);

            for (byte[] frame : new byte[][] {small, large, smallOther, small, large, smallOther}) {
                byte[] expected = frame == smallOther ? otherInput : INPUT;
                assertThat(CodecPaths.HEAP_TO_HEAP.decompress(codec, frame)).isEqualTo(expected);
            }
        } finally {
            codec.close();
        }
    }

    @Test
    void shouldRejectABlockChecksumMismatch() throws IOException {
        byte[] frame = foreignFrame(INPUT, BLOCKSIZE.SIZE_64KB, Bits.BLOCK_INDEPENDENCE, Bits.BLOCK_CHECKSUM);
        int firstBlockLength = Lz4Frame.getIntLE(java.nio.ByteBuffer.wrap(frame, 7, 4)) & ~Lz4Frame.STORED_BLOCK_FLAG;
        frame[7 + 4 + firstBlockLength] ^= 1;

        Lz4MalformedInputTest.assertMalformed(frame, "lz4: malformed frame: block 0 of frame 0 fails its checksum");
    }

    @Test
    void shouldRejectAContentChecksumMismatch() throws IOException {
        byte[] frame = foreignFrame(INPUT, BLOCKSIZE.SIZE_64KB, Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_CHECKSUM);
        frame[frame.length - 1] ^= 1;

        Lz4MalformedInputTest.assertMalformed(frame, "lz4: malformed frame: frame 0 fails its content checksum");
    }

    @Test
    void shouldRejectAWrongContentSize() throws IOException {
        byte[] frame = foreignFrame(INPUT, BLOCKSIZE.SIZE_64KB, Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_SIZE);
        frame[6] += 1; // content size is bytes 6..13 (LE); keep the header checksum right
        frame[14] = Lz4Library.headerChecksum(frame, 4, 10);

        Lz4MalformedInputTest.assertMalformed(frame, "frame 0 declares " + (INPUT.length + 1) + " content bytes but holds " + INPUT.length);
    }

    @Test
    void shouldSkipSkippableFrames() throws Exception {
        byte[] skippable = {0x5A, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 9, 9, 9};
        byte[] ours = CodecPaths.HEAP_TO_HEAP.compress(CODEC, INPUT, 9);

        byte[] stream = TestData.concat(skippable, ours, skippable);

        for (CodecPaths path : CodecPaths.values()) {
            assertThat(path.decompress(CODEC, stream)).as("%s", path).isEqualTo(INPUT);
        }
    }

    private static byte[] foreignFrame(byte[] input, BLOCKSIZE blockSize, Bits... bits) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        boolean knownSize = Arrays.asList(bits).contains(Bits.CONTENT_SIZE);
        try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(sink, blockSize, knownSize ? input.length : -1L,
                LZ4Factory.fastestInstance().fastCompressor(), XXHashFactory.fastestInstance().hash32(), bits)) {
            out.write(input);
        }
        return sink.toByteArray();
    }
}
