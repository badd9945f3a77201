package io.sluice.core.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 length and encoding of a {@link String} straight into a {@link ByteBuffer}, so a request's
 * size is known and its strings written without a temporary {@code byte[]} per string. The bytes
 * are exactly those of {@code s.getBytes(UTF_8)}, including its replacement of an unpaired
 * surrogate by {@code '?'}. Stateless.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The number of bytes {@code s.getBytes(UTF_8)} would return, without allocating them. */
    static int encodedLength(String s) {
        int chars = s.length();
        int bytes = chars;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // two chars, four bytes
                i++;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            } // an unpaired surrogate becomes '?': one byte, already counted
        }
        return bytes;
    }

    /** Writes the UTF-8 bytes of {@code s} at the buffer's position; the caller made room for them. */
    static void write(String s, ByteBuffer out) {
        int chars = s.length();
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.put((byte) c);
            } else if (c < 0x800) {
                out.put((byte) (0xc0 | (c >> 6)));
                out.put((byte) (0x80 | (c & 0x3f)));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    out.put((byte) (0xf0 | (cp >> 18)));
                    out.put((byte) (0x80 | ((cp >> 12) & 0x3f)));
                    out.put((byte) (0x80 | ((cp >> 6) & 0x3f)));
                    out.put((byte) (0x80 | (cp & 0x3f)));
                } else {
                    out.put((byte) '?');
                }
            } else {
                out.put((byte) (0xe0 | (c >> 12)));
                out.put((byte) (0x80 | ((c >> 6) & 0x3f)));
                out.put((byte) (0x80 | (c & 0x3f)));
            }
        }
    }

    /** Decodes {@code length} bytes at the buffer's position and moves past them; the caller checked they are there. */
    static String read(ByteBuffer in, int length) {
        String s;
        if (in.hasArray()) {
            s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
        } else {
            byte[] bytes = new byte[length];
            in.get(bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        return s;
    }
}
