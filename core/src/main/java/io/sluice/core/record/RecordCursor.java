package io.sluice.core.record;

import io.sluice.api.Header;
import io.sluice.api.RecordHeader;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Steps through the records of one batch, obtained from {@link RecordBatchReader#records()}.
 * {@link #next()} decodes and validates the next record against the bytes it may use (the record's
 * own length, then the section's end), so corrupt input fails with a {@link CorruptBatchException}
 * naming the batch and the record, never with a runaway loop or a huge allocation.
 *
 * <p>Key and value views share the batch's bytes and stay valid while the underlying buffer is
 * unchanged. Owned by the thread that owns its reader; not thread-safe.
 */
public final class RecordCursor {

    private ByteBuffer section; // records of the batch; position = next record
    private int end;
    private String batchName;
    private long baseOffset;
    private long baseTimestamp;
    private Long logAppendTime;
    private int declaredCount;
    private int index = -1;

    // the current record
    private long timestampDelta;
    private int offsetDelta;
    private int keyStart;
    private int keyLength;
    private int valueStart;
    private int valueLength;
    private int headersStart;
    private int headerCount;

    RecordCursor() {
    }

    /** Points the cursor at a records section {@code [from, to)} of {@code bytes}. */
    void reset(ByteBuffer bytes, int from, int to, String batchName, long baseOffset, long baseTimestamp,
               Long logAppendTime, int declaredCount) {
        this.section = bytes.duplicate().limit(to).position(from);
        this.end = to;
        this.batchName = batchName;
        this.baseOffset = baseOffset;
        this.baseTimestamp = baseTimestamp;
        this.logAppendTime = logAppendTime;
        this.declaredCount = declaredCount;
        this.index = -1;
    }

    /**
     * Moves to the next record.
     *
     * @return false after the last record the batch declares
     * @throws CorruptBatchException if the record is malformed, the batch holds fewer records than
     *         it declares, or bytes are left over after the last one
     */
    public boolean next() {
        if (index + 1 >= declaredCount) {
            index = declaredCount;
            if (section.position() != end) {
                throw corrupt("declares " + declaredCount + " records but " + (end - section.position())
                        + " bytes remain after the last one");
            }
            return false;
        }
        index++;
        if (!section.hasRemaining()) {
            throw corrupt("declares " + declaredCount + " records but its bytes end after " + index);
        }
        try {
            int length = Varints.readVarint(section);
            if (length < 0 || length > section.remaining()) {
                throw corrupt("record " + index + " declares a length of " + length + " bytes but "
                        + section.remaining() + " remain");
            }
            int recordEnd = section.position() + length;
            section.limit(recordEnd);
            decodeFields();
            if (section.position() != recordEnd) {
                throw corrupt("record " + index + " has " + (recordEnd - section.position())
                        + " bytes after its headers (declared length " + length + ")");
            }
            section.limit(end);
            return true;
        } catch (BufferUnderflowException e) {
            throw corrupt("record " + index + " ends before its fields do (truncated record)", e);
        } catch (IllegalArgumentException e) {
            throw corrupt("record " + index + ": " + e.getMessage(), e);
        }
    }

    private void decodeFields() {
        section.get(); // attributes, unused
        timestampDelta = Varints.readVarlong(section);
        offsetDelta = Varints.readVarint(section);
        keyLength = readLength("key");
        keyStart = skip(keyLength);
        valueLength = readLength("value");
        valueStart = skip(valueLength);
        headerCount = Varints.readVarint(section);
        // each header takes at least 2 bytes: a bound that keeps a corrupt count from looping long
        if (headerCount < 0 || headerCount > section.remaining() / 2) {
            throw corrupt("record " + index + " declares " + headerCount + " headers in "
                    + section.remaining() + " bytes");
        }
        headersStart = section.position();
        for (int i = 0; i < headerCount; i++) {
            int headerKeyLength = readLength("header key");
            if (headerKeyLength < 0) {
                throw corrupt("record " + index + " has a header with a null key (length " + headerKeyLength + ")");
            }
            skip(headerKeyLength);
            skip(readLength("header value"));
        }
    }

    private int readLength(String what) {
        int length = Varints.readVarint(section);
        if (length < -1 || length > section.remaining()) {
            throw corrupt("record " + index + " declares a " + what + " of " + length + " bytes but "
                    + section.remaining() + " remain in the record");
        }
        return length;
    }

    private int skip(int length) {
        int at = section.position();
        if (length > 0) {
            section.position(at + length);
        }
        return at;
    }

    // ---- the current record ----

    /** The record's position in the batch, from 0. */
    public int index() {
        return index;
    }

    /** Base offset + offset delta. */
    public long offset() {
        return baseOffset + offsetDelta;
    }

    public int offsetDelta() {
        return offsetDelta;
    }

    /** Base timestamp + delta (CreateTime), or the batch's max timestamp under LogAppendTime, as Kafka reads it. */
    public long timestamp() {
        return logAppendTime != null ? logAppendTime : baseTimestamp + timestampDelta;
    }

    public long timestampDelta() {
        return timestampDelta;
    }

    /** The key's length, -1 for a null key. */
    public int keySize() {
        return keyLength;
    }

    /** A read-only view of the key, or {@code null}. */
    public ByteBuffer key() {
        return view(keyStart, keyLength);
    }

    /** A copy of the key, or {@code null}. */
    public byte[] keyBytes() {
        return copy(keyStart, keyLength);
    }

    /** The value's length, -1 for a null value (a tombstone). */
    public int valueSize() {
        return valueLength;
    }

    /** A read-only view of the value, or {@code null}. */
    public ByteBuffer value() {
        return view(valueStart, valueLength);
    }

    /** A copy of the value, or {@code null}. */
    public byte[] valueBytes() {
        return copy(valueStart, valueLength);
    }

    public int headerCount() {
        return headerCount;
    }

    /** The headers, decoded (keys as UTF-8 strings, values copied; null values stay null). */
    public Header[] headers() {
        Header[] headers = new Header[headerCount];
        ByteBuffer in = section.duplicate().limit(end).position(headersStart);
        for (int i = 0; i < headerCount; i++) {
            int keyLen = Varints.readVarint(in);
            byte[] key = new byte[keyLen];
            in.get(key);
            int valueLen = Varints.readVarint(in);
            byte[] value = null;
            if (valueLen >= 0) {
                value = new byte[valueLen];
                in.get(value);
            }
            headers[i] = new RecordHeader(new String(key, StandardCharsets.UTF_8), value);
        }
        return headers;
    }

    private ByteBuffer view(int start, int length) {
        if (length < 0) {
            return null;
        }
        return section.duplicate().limit(start + length).position(start).slice().asReadOnlyBuffer();
    }

    private byte[] copy(int start, int length) {
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        section.get(start, bytes);
        return bytes;
    }

    private CorruptBatchException corrupt(String detail) {
        return new CorruptBatchException(batchName + " is corrupt: " + detail);
    }

    private CorruptBatchException corrupt(String detail, Throwable cause) {
        return new CorruptBatchException(batchName + " is corrupt: " + detail, cause);
    }
}
