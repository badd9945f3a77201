package io.sluice.codec.lz4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class Lz4MalformedInputTest {

    private static final Lz4Compressor CODEC = new Lz4Compressor();
    private static final byte[] INPUT = TestData.concat(TestData.jsonRecords(1000, 1), TestData.random(1000, 2));
    private static final byte[] VALID = compress(INPUT);

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    @Test
    void shouldRejectWrongMagic() {
        byte[] bad = VALID.clone();
        bad[0] = 0x05;

        assertMalformed(bad, "lz4: malformed frame: wrong magic 0x184D2205 at the start of frame 0");
    }

    @Test
    void shouldRejectGzipDataFedToLz4() {
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertMalformed(gzip, "lz4: malformed frame: wrong magic 0x00088B1F", "is the batch really lz4-compressed?");
    }

    @Test
    void shouldRejectTruncationAnywhere() {
        for (int length : new int[] {2, 5, 7, 9, 100, VALID.length - 1}) {
            assertMalformed(Arrays.copyOf(VALID, length), "lz4: malformed frame: truncated frame: the input ended in");
        }
    }

    @Test
    void shouldNameTheMissingEndMark() {
        assertMalformed(Arrays.copyOf(VALID, VALID.length - 4), "truncated frame: the input ended in the size of block");
    }

    @Test
    void shouldRejectEmptyInput() {
        assertMalformed(new byte[0], "lz4: malformed frame: no data; expected an LZ4 frame");
    }

    @Test
    void shouldRejectTheBrokenMagicV0HeaderChecksum() {
        byte[] bad = VALID.clone();
        // magic v0 clients hash the magic too: XXH32(magic..BD)
        bad[6] = (byte) ((Lz4Library.xxhash32().hash(bad, 0, 6, 0) >> 8) & 0xFF);

        assertMalformed(bad, "lz4: malformed frame: header checksum", "not the magic v0 variant");
    }

    @Test
    void shouldRejectLinkedBlocks() {
        byte[] bad = withDescriptor(VALID, 0x40, 0x40);

        assertMalformed(bad, "lz4: malformed frame: the frame uses linked blocks (FLG 0x40)");
    }

    @Test
    void shouldRejectDictionaries() {
        assertMalformed(withDescriptor(VALID, 0x61, 0x40), "the frame needs a dictionary (FLG 0x61)");
    }

    @Test
    void shouldRejectReservedBitsAndUnknownVersionsAndBlockSizes() {
        assertMalformed(withDescriptor(VALID, 0x62, 0x40), "reserved bits are set (FLG 0x62, BD 0x40)");
        assertMalformed(withDescriptor(VALID, 0x60, 0x41), "reserved bits are set (FLG 0x60, BD 0x41)");
        assertMalformed(withDescriptor(VALID, 0xA0, 0x40), "frame version 2 is not supported");
        assertMalformed(withDescriptor(VALID, 0x60, 0x30), "block size code 3 is not valid (BD 0x30)");
    }

    @Test
    void shouldRejectBlockLargerThanTheFrameAllows() {
        byte[] bad = VALID.clone();
        Lz4Frame.putIntLE(bad, 7, 65_537);

        assertMalformed(bad, "block 0 of frame 0 declares 65537 bytes, more than the frame's maximum block size 65536");
    }

    @Test
    void shouldRejectCorruptBlockData() {
        byte[] bad = VALID.clone();
        assertThat(Lz4Frame.getIntLE(ByteBuffer.wrap(bad, 7, 4)) & Lz4Frame.STORED_BLOCK_FLAG).as("first block compressed").isZero();
        Arrays.fill(bad, 11, 40, (byte) 0xff);

        assertMalformed(bad, "lz4: malformed frame: block 0 of frame 0 is corrupt");
    }

    @Test
    void shouldRejectGarbageAfterTheLastFrame() {
        assertMalformed(TestData.concat(VALID, new byte[] {1, 2, 3, 4}), "wrong magic 0x04030201 at the start of frame 1");
    }

    private static byte[] withDescriptor(byte[] frame, int flg, int bd) {
        byte[] bad = frame.clone();
        bad[4] = (byte) flg;
        bad[5] = (byte) bd;
        bad[6] = Lz4Library.headerChecksum(bad, 4, 2);
        return bad;
    }

    static void assertMalformed(byte[] input, String... messageParts) {
        assertThatThrownBy(() -> {
            try (InputStream in = CODEC.decompress(new ByteArrayInputStream(input))) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContainingAll(messageParts);
        assertThatThrownBy(() -> CODEC.decompress(ByteBuffer.wrap(input)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContainingAll(messageParts);
        ByteBuffer direct = ByteBuffer.allocateDirect(input.length).put(input).flip();
        assertThatThrownBy(() -> CODEC.decompress(direct))
                .isInstanceOf(UncheckedIOException.class).hasMessageContainingAll(messageParts);
    }

    private static byte[] compress(byte[] input) {
        ByteBuffer target = ByteBuffer.allocate(CODEC.maxCompressedLength(input.length));
        CODEC.compress(ByteBuffer.wrap(input), target, CODEC.defaultLevel());
        return Arrays.copyOf(target.array(), target.position());
    }
}
