package io.sluice.codec.gzip;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GzipMalformedInputTest {

    private static final GzipCompressor CODEC = new GzipCompressor();
    private static final byte[] VALID = compress(TestData.jsonRecords(50, 7));

    @AfterAll
    static void closeCodec() {
        CODEC.close();
    }

    @Test
    void shouldRejectWrongMagicNamingTheCodec() {
        byte[] bad = VALID.clone();
        bad[0] = 0x1e;

        assertMalformed(bad, "gzip: malformed compressed data", "Not in GZIP format");
    }

    @Test
    void shouldRejectTruncatedMember() {
        byte[] truncated = Arrays.copyOf(VALID, VALID.length - 5);

        assertMalformed(truncated, "gzip: malformed compressed data: truncated input");
    }

    @Test
    void shouldRejectTruncatedHeader() {
        assertMalformed(Arrays.copyOf(VALID, 4), "gzip: malformed compressed data: truncated input");
    }

    @Test
    void shouldRejectEmptyInput() {
        assertMalformed(new byte[0], "gzip: malformed compressed data: truncated input");
    }

    @Test
    void shouldRejectCorruptTrailerChecksum() {
        byte[] bad = VALID.clone();
        bad[bad.length - 8] ^= 0x55;

        assertMalformed(bad, "gzip: malformed compressed data", "Corrupt GZIP trailer");
    }

    @Test
    void shouldRejectCorruptDeflateData() {
        byte[] bad = VALID.clone();
        for (int i = GzipFormat.HEADER_LENGTH; i < GzipFormat.HEADER_LENGTH + 8; i++) {
            bad[i] = (byte) 0xff;
        }

        assertMalformed(bad, "gzip: malformed compressed data");
    }

    private static void assertMalformed(byte[] input, String... messageParts) {
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
