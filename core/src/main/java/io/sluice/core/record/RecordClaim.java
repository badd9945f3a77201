package io.sluice.core.record;

import java.nio.ByteBuffer;

/**
 * A record reserved in a batch whose key and value bytes the caller writes afterwards (a
 * {@code BufferSerializer} writing straight into the batch), through two reusable windows over the
 * batch buffer: each starts at its field and ends where the field ends, so writing too much
 * overflows instead of damaging the batch.
 *
 * <p>Belongs to one {@link RecordBatchBuilder} and is guarded like it (the partition's lock).
 */
final class RecordClaim {

    private final ByteBuffer keyWindow;
    private final ByteBuffer valueWindow;
    private boolean pending;
    private long timestamp;
    private int keySize;
    private int valueSize;

    RecordClaim(ByteBuffer batch) {
        this.keyWindow = batch.duplicate();
        this.valueWindow = batch.duplicate();
    }

    /**
     * Writes the key and value length varints at {@code out}'s position and skips over the bytes
     * they announce, pointing the windows at them.
     */
    void open(ByteBuffer out, long timestamp, int keySize, int valueSize) {
        reserve(out, keyWindow, keySize);
        reserve(out, valueWindow, valueSize);
        this.pending = true;
        this.timestamp = timestamp;
        this.keySize = keySize;
        this.valueSize = valueSize;
    }

    private static void reserve(ByteBuffer out, ByteBuffer window, int size) {
        Varints.writeVarint(size, out);
        int at = out.position();
        int length = Math.max(size, 0);
        window.limit(at + length).position(at);
        out.position(at + length);
    }

    boolean isPending() {
        return pending;
    }

    long timestamp() {
        return timestamp;
    }

    ByteBuffer keyTarget() {
        return keySize < 0 ? null : keyWindow;
    }

    ByteBuffer valueTarget() {
        return valueSize < 0 ? null : valueWindow;
    }

    /** Null if key and value were written completely; otherwise what went wrong, for a message. */
    String unfilled() {
        if (keyWindow.hasRemaining() && keySize > 0) {
            return "The key serializer announced " + keySize + " bytes but wrote " + (keySize - keyWindow.remaining());
        }
        if (valueWindow.hasRemaining() && valueSize > 0) {
            return "The value serializer announced " + valueSize + " bytes but wrote "
                    + (valueSize - valueWindow.remaining());
        }
        return null;
    }

    void clear() {
        pending = false;
    }
}
