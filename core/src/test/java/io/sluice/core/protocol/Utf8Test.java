package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    @Property
    void shouldEncodeExactlyLikeStringGetBytes(@ForAll String s) {
        assertEncodesLikeTheJdk(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii", "événement", "注文", "\uD83D\uDE80 rocket", "lone high \uD800 x", "lone low \uDC00",
            "high at end \uD83D", "\u07FF\u0800\uFFFF", "\uDBFF\uDFFF"})
    void shouldEncodeEdgeCasesIncludingUnpairedSurrogatesLikeTheJdk(String s) {
        assertEncodesLikeTheJdk(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii", "événement", "注文", "\uD83D\uDE80 rocket"})
    void shouldDecodeFromHeapAndDirectBuffers(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer heap = ByteBuffer.allocate(bytes.length + 3).put(new byte[] {9, 9}).put(bytes).put((byte) 7).flip();
        heap.position(2);
        assertThat(Utf8.read(heap, bytes.length)).isEqualTo(s);
        assertThat(heap.position()).isEqualTo(2 + bytes.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertThat(Utf8.read(direct, bytes.length)).isEqualTo(s);
        assertThat(direct.hasRemaining()).isFalse();
    }

    private static void assertEncodesLikeTheJdk(String s) {
        byte[] expected = s.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.encodedLength(s)).isEqualTo(expected.length);
        ByteBuffer out = ByteBuffer.allocate(expected.length);
        Utf8.write(s, out);
        assertThat(out.array()).isEqualTo(expected);
    }
}
