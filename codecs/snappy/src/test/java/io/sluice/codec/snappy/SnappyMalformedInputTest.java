package io.sluice.codec.snappy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class SnappyMalformedInputTest {

    private static final SnappyCompressor CODEC = new SnappyCompressor();
    private static final byte[] INPUT = TestData.concat(TestData.jsonRecords(1000, 1), TestData.random(1000, 2));
    private static final byte[] VALID = compress(INPUT);

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    @Test
    void shouldRejectTruncatedChunks() {
        for (int length : new int[] {17, 19, 25, 1000, VALID.length - 1}) {
            assertMalformed(Arrays.copyOf(VALID, length), "snappy: malformed data: truncated xerial stream: the input ended in");
        }
    }

    @Test
    void shouldRejectTruncatedHeader() {
        assertMalformed(Arrays.copyOf(VALID, 12), "snappy: malformed data: truncated xerial stream: the input ended in the 16-byte xerial header");
    }

    @Test
    void shouldRejectEmptyInput() {
        assertMalformed(new byte[0], "snappy: malformed data: no data; expected xerial-framed snappy");
    }

    @Test
    void shouldRejectNonPositiveAndHugeChunkLengths() {
        byte[] zero = VALID.clone();
        XerialFraming.putIntBE(zero, 16, 0);
        byte[] huge = VALID.clone();
        XerialFraming.putIntBE(huge, 16, Integer.MAX_VALUE);

        assertMalformed(zero, "snappy: malformed data: chunk length 0 at offset 16 is not positive");
        assertMalformed(huge, "snappy: malformed data: chunk length 2147483647 at offset 16 exceeds snappy-java's limit");
    }

    @Test
    void shouldRejectUnsupportedVersion() {
        byte[] bad = VALID.clone();
        XerialFraming.putIntBE(bad, 8, 0);

        assertMalformed(bad, "snappy: malformed data: xerial stream version 0 is not supported");
    }

    @Test
    void shouldRejectCorruptBlocks() {
        byte[] bad = VALID.clone();
        Arrays.fill(bad, 25, 80, (byte) 0xff);

        assertMalformed(bad, "snappy: malformed data: a raw snappy block");
    }

    @Test
    void shouldRejectCorruptRawBlockAndDataOfAnotherCodec() throws IOException {
        byte[] raw = Snappy.compress(INPUT);
        byte[] bad = Arrays.copyOf(raw, raw.length - 3);
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertMalformed(bad, "snappy: malformed data: neither xerial framing", "nor a valid raw snappy block: a raw snappy block is corrupt");
        assertMalformed(gzip, "snappy: malformed data: neither xerial framing (no magic 82 53 4E 41 50 50 59 00)");
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
        CODEC.compress(ByteBuffer.wrap(input), target, 0);
        return Arrays.copyOf(target.array(), target.position());
    }
}
