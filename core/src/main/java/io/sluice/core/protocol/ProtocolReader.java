package io.sluice.core.protocol;

import io.sluice.core.record.Varints;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * Reads the fields of one response frame, checking every length against the bytes that are left
 * <em>before</em> anything is allocated: a frame cut short or a length that cannot be true (say
 * 2<sup>31</sup>−1 elements in a 40-byte frame) is a {@link ProtocolException} naming the API,
 * version, field and byte offset, never a {@code BufferUnderflowException} or an
 * {@code OutOfMemoryError}.
 *
 * <p>The encoding of strings, bytes and arrays follows the body's version: classic (int16/int32
 * lengths, −1 for null) or flexible (KIP-482: unsigned varint of length+1, 0 for null). Decoded
 * strings are copies, so nothing refers to the frame once decoding returns.
 *
 * <p>Mutable: one reader per frame, used by the thread that decodes it (the sender thread). It
 * moves the frame buffer's position (and, inside a tagged field, its limit, restored on exit) and
 * sets its byte order to big-endian, Kafka's.
 */
public final class ProtocolReader {

    private static final String TRUNCATED_HINT = " (the frame is truncated or corrupt)";

    private final ByteBuffer buf;
    private final int origin;
    private final ApiKeys api;
    private final short version;
    private final boolean flexible;

    /** A reader of {@code frame} from its position, for a response of {@code api} at {@code version}. */
    public ProtocolReader(ByteBuffer frame, ApiKeys api, short version) {
        this(frame, frame.position(), api, version);
    }

    private ProtocolReader(ByteBuffer frame, int origin, ApiKeys api, short version) {
        this.buf = frame.order(ByteOrder.BIG_ENDIAN);
        this.origin = origin;
        this.api = api;
        this.version = version;
        this.flexible = api.isFlexible(version);
    }

    /** A reader over the same frame (same position and origin) that decodes the body as {@code otherVersion}. */
    ProtocolReader atVersion(short otherVersion) {
        return new ProtocolReader(buf, origin, api, otherVersion);
    }

    public short version() {
        return version;
    }

    public boolean flexible() {
        return flexible;
    }

    public int position() {
        return buf.position();
    }

    void position(int position) {
        buf.position(position);
    }

    public int remaining() {
        return buf.remaining();
    }

    // ---- fixed-size fields ----

    public byte int8(String field) {
        require(1, field);
        return buf.get();
    }

    public boolean bool(String field) {
        return int8(field) != 0;
    }

    public short int16(String field) {
        require(2, field);
        return buf.getShort();
    }

    public int int32(String field) {
        require(4, field);
        return buf.getInt();
    }

    public long int64(String field) {
        require(8, field);
        return buf.getLong();
    }

    public UUID uuid(String field) {
        require(16, field);
        long msb = buf.getLong();
        long lsb = buf.getLong();
        return msb == 0L && lsb == 0L ? Uuids.ZERO : new UUID(msb, lsb);
    }

    /** An unsigned varint (KIP-482), as an {@code int}: values of 2<sup>31</sup> and more come back negative. */
    public int uvarint(String field) {
        int start = buf.position();
        try {
            return Varints.readUnsignedVarint(buf);
        } catch (BufferUnderflowException e) {
            buf.position(start);
            throw malformed(field, "is an unsigned varint cut off after " + (buf.remaining()) + " bytes" + TRUNCATED_HINT, start);
        } catch (IllegalArgumentException e) {
            throw malformed(field, "is an unsigned varint longer than 5 bytes" + TRUNCATED_HINT, start);
        }
    }

    // ---- strings ----

    /** A string the protocol does not allow to be null here. */
    public String string(String field) {
        int at = buf.position();
        String s = nullableString(field);
        if (s == null) {
            throw malformed(field, "is null, but this string is not nullable in this version", at);
        }
        return s;
    }

    public String nullableString(String field) {
        int at = buf.position();
        int length;
        if (flexible) {
            long lengthPlusOne = Integer.toUnsignedLong(uvarint(field));
            if (lengthPlusOne == 0) {
                return null;
            }
            length = checkStringLength(lengthPlusOne - 1, field, at);
        } else {
            short raw = int16(field);
            if (raw == -1) {
                return null;
            }
            length = checkStringLength(raw, field, at);
        }
        return Utf8.read(buf, length);
    }

    private int checkStringLength(long length, String field, int at) {
        if (length < 0) {
            throw malformed(field, "has a negative string length " + length, at);
        }
        if (length > Short.MAX_VALUE) {
            throw malformed(field, "has a string length of " + length + ", but Kafka strings hold at most 32767 bytes", at);
        }
        if (length > buf.remaining()) {
            throw malformed(field, "is a string of " + length + " bytes, but only " + buf.remaining() + " remain" + TRUNCATED_HINT, at);
        }
        return (int) length;
    }

    // ---- bytes ----

    /** A bytes field the protocol does not allow to be null here, copied out of the frame. */
    public byte[] bytes(String field) {
        int at = buf.position();
        long length;
        if (flexible) {
            length = Integer.toUnsignedLong(uvarint(field)) - 1;
        } else {
            length = int32(field);
        }
        if (length < 0) {
            throw malformed(field, "is null or has a negative length " + length + ", but these bytes are not nullable", at);
        }
        if (length > buf.remaining()) {
            throw malformed(field, "declares " + length + " bytes, but only " + buf.remaining() + " remain" + TRUNCATED_HINT, at);
        }
        byte[] out = new byte[(int) length];
        buf.get(out);
        return out;
    }

    // ---- arrays ----

    /**
     * The element count of an array the protocol does not allow to be null here, checked to fit:
     * {@code count × minElementBytes} must not exceed the bytes left.
     */
    public int arrayLength(int minElementBytes, String field) {
        int at = buf.position();
        int n = nullableArrayLength(minElementBytes, field);
        if (n < 0) {
            throw malformed(field, "is a null array, but this array is not nullable in this version", at);
        }
        return n;
    }

    /** Like {@link #arrayLength} but −1 stands for a null array. */
    public int nullableArrayLength(int minElementBytes, String field) {
        int at = buf.position();
        long count;
        if (flexible) {
            long countPlusOne = Integer.toUnsignedLong(uvarint(field));
            if (countPlusOne == 0) {
                return -1;
            }
            count = countPlusOne - 1;
        } else {
            count = int32(field);
            if (count == -1) {
                return -1;
            }
            if (count < 0) {
                throw malformed(field, "has a negative array length " + count, at);
            }
        }
        long atLeast = count * Math.max(1, minElementBytes);
        if (atLeast > buf.remaining()) {
            throw malformed(field, "declares " + count + " elements (at least " + atLeast + " bytes), but only "
                    + buf.remaining() + " bytes remain" + TRUNCATED_HINT, at);
        }
        return (int) count;
    }

    /** A non-nullable array of int32 (broker ids). */
    public int[] int32Array(String field) {
        int n = arrayLength(4, field);
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = buf.getInt(); // arrayLength checked 4·n bytes are there
        }
        return values;
    }

    // ---- tagged fields (KIP-482) ----

    /** Skips a whole tagged-field section: for structures where this version defines no tag we read. */
    public void skipTaggedFields(String field) {
        int count = taggedFieldCount(field);
        for (int i = 0; i < count; i++) {
            taggedFieldTag(field);
            int saved = beginTaggedField(field);
            skipRest();
            endTaggedField(saved, field);
        }
    }

    /** The number of tagged fields in a section; each takes at least two bytes (tag and size). */
    public int taggedFieldCount(String field) {
        int at = buf.position();
        long count = Integer.toUnsignedLong(uvarint(field));
        if (count * 2 > buf.remaining()) {
            throw malformed(field, "declares " + count + " tagged fields, but only " + buf.remaining()
                    + " bytes remain" + TRUNCATED_HINT, at);
        }
        return (int) count;
    }

    public int taggedFieldTag(String field) {
        return uvarint(field);
    }

    /**
     * Reads a tagged field's size and fences the buffer to it, so a known field cannot read past
     * its own bytes. Returns the limit to hand back to {@link #endTaggedField}.
     */
    public int beginTaggedField(String field) {
        int at = buf.position();
        long size = Integer.toUnsignedLong(uvarint(field));
        if (size > buf.remaining()) {
            throw malformed(field, "has a tagged field of " + size + " bytes, but only " + buf.remaining()
                    + " remain" + TRUNCATED_HINT, at);
        }
        int savedLimit = buf.limit();
        buf.limit(buf.position() + (int) size);
        return savedLimit;
    }

    /** Skips what is left of the current tagged field (an unknown tag). */
    public void skipRest() {
        buf.position(buf.limit());
    }

    /** Checks the tagged field was read to its end and lifts the fence of {@link #beginTaggedField}. */
    public void endTaggedField(int savedLimit, String field) {
        if (buf.hasRemaining()) {
            throw malformed(field, "has " + buf.remaining() + " bytes left over inside a tagged field", buf.position());
        }
        buf.limit(savedLimit);
    }

    // ---- end of frame ----

    /** Checks nothing follows the body: left-over bytes mean the body is not the version we asked for. */
    public void expectEnd() {
        if (buf.hasRemaining()) {
            throw malformed("the body", "is followed by " + buf.remaining()
                    + " unexpected bytes: the response does not match the version we asked for", buf.position());
        }
    }

    private void require(int bytes, String field) {
        if (buf.remaining() < bytes) {
            throw malformed(field, "needs " + bytes + " bytes, but only " + buf.remaining() + " remain" + TRUNCATED_HINT,
                    buf.position());
        }
    }

    /** A {@link ProtocolException} for {@code field} at absolute buffer index {@code at}. */
    ProtocolException malformed(String field, String problem, int at) {
        return new ProtocolException("Malformed " + api.displayName + " v" + version + " response from the broker: "
                + field + " " + problem + ", at byte " + (at - origin) + " of the frame. The connection is closed and "
                + "the request retried; if this repeats, report it with the broker's Kafka version");
    }
}
