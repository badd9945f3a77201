package io.sluice.core.record;

import io.sluice.api.Header;
import io.sluice.api.Headers;
import io.sluice.api.RecordHeaders;
import java.nio.ByteBuffer;

/**
 * Writes the parts of one v2 record at the position of a {@link ByteBuffer}, advancing it.
 * The caller has checked the room with {@link RecordSizes}. No allocation: header keys are
 * UTF-8 encoded char by char straight into the buffer, byte buffers are copied with absolute bulk
 * puts (their positions stay put). Stateless.
 */
final class RecordEncoder {

    private RecordEncoder() {
    }

    /** Length prefix, attributes (0), timestamp delta, offset delta: the record up to its key. */
    static void writePrefix(ByteBuffer out, int bodySize, long timestampDelta, int offsetDelta) {
        Varints.writeVarint(bodySize, out);
        out.put((byte) 0);
        Varints.writeVarlong(timestampDelta, out);
        Varints.writeVarint(offsetDelta, out);
    }

    /** A length-prefixed byte field; {@code null} is written as length -1. */
    static void writeBytes(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            Varints.writeVarint(-1, out);
        } else {
            Varints.writeVarint(bytes.length, out);
            out.put(bytes);
        }
    }

    /** The remaining bytes of {@code bytes}, length-prefixed; its position is not changed. */
    static void writeBytes(ByteBuffer out, ByteBuffer bytes) {
        if (bytes == null) {
            Varints.writeVarint(-1, out);
        } else {
            int length = bytes.remaining();
            Varints.writeVarint(length, out);
            int at = out.position();
            out.put(at, bytes, bytes.position(), length);
            out.position(at + length);
        }
    }

    static void writeHeaders(ByteBuffer out, Header[] headers) {
        if (headers == null) {
            Varints.writeVarint(0, out);
            return;
        }
        Varints.writeVarint(headers.length, out);
        for (Header header : headers) {
            writeHeader(out, header);
        }
    }

    /** Allocation-free for {@link RecordHeaders}; other {@link Headers} are iterated. */
    static void writeHeaders(ByteBuffer out, Headers headers) {
        if (headers == null) {
            Varints.writeVarint(0, out);
            return;
        }
        Varints.writeVarint(headers.size(), out);
        if (headers instanceof RecordHeaders indexed) {
            for (int i = 0, n = indexed.size(); i < n; i++) {
                writeHeader(out, indexed.get(i));
            }
        } else {
            for (Header header : headers) {
                writeHeader(out, header);
            }
        }
    }

    static void writeHeader(ByteBuffer out, Header header) {
        String key = RecordSizes.headerKey(header);
        Varints.writeVarint(RecordSizes.utf8Length(key), out);
        writeUtf8(out, key);
        writeBytes(out, header.value());
    }

    /** Encodes {@code s} as {@code s.getBytes(UTF_8)} would, a lone surrogate as {@code '?'}. */
    static void writeUtf8(ByteBuffer out, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.put((byte) c);
            } else if (c < 0x800) {
                out.put((byte) (0xc0 | (c >> 6)));
                out.put((byte) (0x80 | (c & 0x3f)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.put((byte) (0xf0 | (cp >> 18)));
                out.put((byte) (0x80 | ((cp >> 12) & 0x3f)));
                out.put((byte) (0x80 | ((cp >> 6) & 0x3f)));
                out.put((byte) (0x80 | (cp & 0x3f)));
            } else if (Character.isSurrogate(c)) {
                out.put((byte) '?');
            } else {
                out.put((byte) (0xe0 | (c >> 12)));
                out.put((byte) (0x80 | ((c >> 6) & 0x3f)));
                out.put((byte) (0x80 | (c & 0x3f)));
            }
        }
    }
}
