package io.sluice.codec.zstd;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ZstdMalformedInputTest {

    private static final ZstdCompressor CODEC = new ZstdCompressor();
    private static final byte[] INPUT = TestData.concat(TestData.jsonRecords(1000, 1), TestData.random(1000, 2));
    private static final byte[] VALID = compress(INPUT);

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    @Test
    void shouldRejectWrongMagic() {
        byte[] bad = VALID.clone();
        bad[0] = 0x29;

        assertMalformed(bad, "zstd: malformed data: Unknown frame descriptor");
    }

    @Test
    void shouldRejectLz4DataFedToZstd() {
        byte[] lz4 = {0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, (byte) 0x82, 0, 0, 0, 0};

        assertMalformed(lz4, "zstd: malformed data: Unknown frame descriptor");
    }

    @Test
    void shouldRejectTruncationAnywhere() {
        for (int length : new int[] {1, 3, 5, 10, 100, VALID.length - 1}) {
            assertMalformed(Arrays.copyOf(VALID, length), "zstd: malformed data: truncated frame: the input ended inside a frame");
        }
    }

    @Test
    void shouldRejectEmptyInput() {
        assertMalformed(new byte[0], "zstd: malformed data: no data; expected a zstd frame");
    }

    @Test
    void shouldRejectCorruptBlocks() {
        byte[] bad = VALID.clone();
        Arrays.fill(bad, 12, 60, (byte) 0x55);

        assertMalformed(bad, "zstd: malformed data:");
    }

    @Test
    void shouldRejectGarbageAfterTheLastFrame() {
        assertMalformed(TestData.concat(VALID, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), "zstd: malformed data: Unknown frame descriptor");
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
