package io.sluice.core.protocol;

import io.sluice.core.record.Varints;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Writes one request frame. The bytes Sluice encodes itself (header, lengths, names) go into one
 * heap array sized exactly beforehand with the {@code sizeOf…} methods; buffers encoded elsewhere
 * (record batches) are {@linkplain #splice spliced} between its pieces as views, never copied, so
 * the frame can go out with one gathering write.
 *
 * <pre>
 *   framing array: [header|acks|timeout|topic|partition 0 len]   [partition 1 len]   [tags]
 *   frame:          piece 0 ..................................batch 0  piece 1 ...batch 1  piece 2
 * </pre>
 *
 * The static {@code sizeOf…} methods mirror the writers one for one: a message computes its size
 * with them, then writes; {@link #finish} checks the two agree.
 *
 * <p>Mutable, single use, owned by the thread that encodes the request (the sender thread).
 */
public final class ProtocolWriter {

    /** Size of an empty tagged-field section: one unsigned varint 0. */
    public static final int EMPTY_TAGGED_FIELDS_SIZE = 1;
    public static final int UUID_SIZE = 16;

    private final byte[] framing;
    private final ByteBuffer buf;
    private final ByteBuffer[] pieces;
    private int count;
    private int pieceStart;
    private int splicedBytes;

    /**
     * @param framingSize the exact number of bytes this writer will write itself
     * @param maxSplices  how many external buffers will be spliced in (0 for most messages)
     */
    public ProtocolWriter(int framingSize, int maxSplices) {
        this.framing = new byte[framingSize];
        this.buf = ByteBuffer.wrap(framing);
        this.pieces = new ByteBuffer[2 * maxSplices + 1];
    }

    // ---- sizes ----

    /** Bytes of a non-null string; flexible strings are compact. */
    public static int sizeOfString(String s, boolean flexible, String field) {
        int length = checkedLength(s, field);
        return flexible ? Varints.sizeOfUnsignedVarint(length + 1) + length : 2 + length;
    }

    public static int sizeOfNullableString(String s, boolean flexible, String field) {
        if (s == null) {
            return flexible ? 1 : 2;
        }
        return sizeOfString(s, flexible, field);
    }

    /** Bytes of an array's length prefix for {@code count} elements (−1: null). */
    public static int sizeOfArrayLength(int count, boolean flexible) {
        return flexible ? Varints.sizeOfUnsignedVarint(count + 1) : 4;
    }

    /** Bytes of the length prefix of a bytes or records field of {@code length} bytes. */
    public static int sizeOfBytesLength(int length, boolean flexible) {
        return flexible ? Varints.sizeOfUnsignedVarint(length + 1) : 4;
    }

    /** Bytes of a non-null bytes field holding {@code length} bytes, length prefix included. */
    public static int sizeOfBytes(int length, boolean flexible) {
        return sizeOfBytesLength(length, flexible) + length;
    }

    /** Bytes of an empty tagged-field section if {@code flexible}, else 0. */
    public static int sizeOfTaggedFields(boolean flexible) {
        return flexible ? EMPTY_TAGGED_FIELDS_SIZE : 0;
    }

    private static int checkedLength(String s, String field) {
        int length = Utf8.encodedLength(s);
        if (length > Short.MAX_VALUE) {
            throw new IllegalArgumentException(field + " is " + length + " bytes in UTF-8, but Kafka strings hold at most "
                    + Short.MAX_VALUE + " bytes; shorten it");
        }
        return length;
    }

    // ---- writes ----

    public void int8(byte value) {
        buf.put(value);
    }

    public void bool(boolean value) {
        buf.put(value ? (byte) 1 : (byte) 0);
    }

    public void int16(short value) {
        buf.putShort(value);
    }

    public void int32(int value) {
        buf.putInt(value);
    }

    public void int64(long value) {
        buf.putLong(value);
    }

    public void uvarint(int value) {
        Varints.writeUnsignedVarint(value, buf);
    }

    public void uuid(UUID value) {
        buf.putLong(value.getMostSignificantBits());
        buf.putLong(value.getLeastSignificantBits());
    }

    /** A string its {@code sizeOf…} call already checked; compact if {@code flexible}. */
    public void string(String s, boolean flexible) {
        int length = Utf8.encodedLength(s);
        if (flexible) {
            Varints.writeUnsignedVarint(length + 1, buf);
        } else {
            buf.putShort((short) length);
        }
        Utf8.write(s, buf);
    }

    public void nullableString(String s, boolean flexible) {
        if (s != null) {
            string(s, flexible);
        } else if (flexible) {
            buf.put((byte) 0);
        } else {
            buf.putShort((short) -1);
        }
    }

    /** An array's length prefix; −1 writes a null array. */
    public void arrayLength(int count, boolean flexible) {
        if (flexible) {
            Varints.writeUnsignedVarint(count + 1, buf);
        } else {
            buf.putInt(count);
        }
    }

    /** A bytes/records field's length prefix. */
    public void bytesLength(int length, boolean flexible) {
        arrayLength(length, flexible);
    }

    /** A non-null bytes field copied into the frame (small fields such as SASL tokens; batches are spliced). */
    public void bytes(byte[] data, boolean flexible) {
        bytesLength(data.length, flexible);
        buf.put(data);
    }

    /** An empty tagged-field section if {@code flexible}; nothing otherwise. */
    public void taggedFields(boolean flexible) {
        if (flexible) {
            buf.put((byte) 0);
        }
    }

    /**
     * Puts {@code external}'s remaining bytes into the frame here, by reference: the frame gets a
     * {@linkplain ByteBuffer#duplicate() duplicate} sharing its memory, with its own position, so
     * sending the frame does not move {@code external}'s position (a retry can send it again).
     */
    public void splice(ByteBuffer external) {
        closePiece();
        pieces[count++] = external.duplicate();
        splicedBytes += external.remaining();
    }

    private void closePiece() {
        int end = buf.position();
        if (end > pieceStart) {
            pieces[count++] = buf.slice(pieceStart, end - pieceStart); // position 0, shares the framing array
            pieceStart = end;
        }
    }

    /**
     * Ends the frame.
     *
     * @throws IllegalStateException if fewer bytes were written than were sized: a size and a
     *         writer of some message disagree (a bug); more bytes would already have overflowed
     */
    public EncodedFrame finish() {
        if (buf.hasRemaining()) {
            throw new IllegalStateException("Encoded " + buf.position() + " bytes but sized " + framing.length
                    + ": a size computation disagrees with its writer");
        }
        closePiece();
        return new EncodedFrame(pieces, count, framing.length + splicedBytes);
    }
}
