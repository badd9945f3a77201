package io.sluice.core.record;

import java.nio.ByteBuffer;

/**
 * Variable-length integers in the two flavours Kafka uses.
 *
 * <ul>
 *   <li><b>Signed</b> ({@code varint}, {@code varlong}): protobuf zig-zag, {@code (v << 1) ^ (v >> 31)},
 *       then 7-bit groups, least significant first, high bit set on every byte but the last.
 *       Used inside record batch v2 records (lengths, deltas, header counts).</li>
 *   <li><b>Unsigned</b> ({@code uvarint}): the same 7-bit groups without zig-zag. Used by flexible
 *       protocol versions (KIP-482) for compact lengths and tagged fields.</li>
 * </ul>
 *
 * Reference: Kafka's {@code ByteUtils.writeVarint/readVarint} and the protocol guide. Stateless.
 */
public final class Varints {

    private Varints() {
    }

    // ---- signed (zig-zag) ----

    public static void writeVarint(int value, ByteBuffer buffer) {
        writeUnsignedVarint((value << 1) ^ (value >> 31), buffer);
    }

    public static void writeVarlong(long value, ByteBuffer buffer) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & 0xffffffffffffff80L) != 0L) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    /** @throws IllegalArgumentException if the varint is longer than 5 bytes (corrupt input) */
    public static int readVarint(ByteBuffer buffer) {
        int raw = readUnsignedVarint(buffer);
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** @throws IllegalArgumentException if the varlong is longer than 10 bytes (corrupt input) */
    public static long readVarlong(ByteBuffer buffer) {
        long raw = 0L;
        int shift = 0;
        long b;
        do {
            if (shift > 63) {
                throw new IllegalArgumentException("Varlong is longer than 10 bytes: the data is corrupt");
            }
            b = buffer.get();
            raw |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return (raw >>> 1) ^ -(raw & 1);
    }

    public static int sizeOfVarint(int value) {
        return sizeOfUnsignedVarint((value << 1) ^ (value >> 31));
    }

    public static int sizeOfVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        // 1 byte per started 7-bit group; 64 - leading zeros gives the significant bits.
        int bits = 64 - Long.numberOfLeadingZeros(v | 1);
        return (bits + 6) / 7;
    }

    // ---- unsigned ----

    public static void writeUnsignedVarint(int value, ByteBuffer buffer) {
        int v = value;
        while ((v & 0xffffff80) != 0) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    /** @throws IllegalArgumentException if the varint is longer than 5 bytes (corrupt input) */
    public static int readUnsignedVarint(ByteBuffer buffer) {
        int value = 0;
        int shift = 0;
        int b;
        do {
            if (shift > 28) {
                throw new IllegalArgumentException("Varint is longer than 5 bytes: the data is corrupt");
            }
            b = buffer.get();
            value |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }

    public static int sizeOfUnsignedVarint(int value) {
        int bits = 32 - Integer.numberOfLeadingZeros(value | 1);
        return (bits + 6) / 7;
    }
}
