package io.sluice.transport.nio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;

/** Test data: frame payloads and their bytes on the wire. Stateless. */
final class Frames {

    private Frames() {
    }

    /** {@code size} bytes of a pattern that differs per {@code seed}, so swapped frames are noticed. */
    static byte[] payload(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The wire form of the payloads: each one's 4-byte big-endian size, then its bytes. */
    static byte[] wire(byte[]... payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] payload : payloads) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    /** A 4-byte size prefix with the given raw value. */
    static byte[] sizePrefix(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    /** The remaining bytes of a buffer, copied, without moving it. */
    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
