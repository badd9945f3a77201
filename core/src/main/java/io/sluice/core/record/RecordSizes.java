package io.sluice.core.record;

import io.sluice.api.Header;
import io.sluice.api.Headers;
import io.sluice.api.RecordHeaders;

/**
 * Exact sizes of v2 records and the upper bound of a one-record batch, computed before anything
 * is buffered: the accumulator uses them to size buffers and to reject records larger than
 * {@code max.request.size} or {@code buffer.memory} (Kafka's {@code RecordTooLargeException} check).
 *
 * <p>Sizes of absent (null) keys and values are passed as {@code -1}. A "headers size" is the
 * encoded header section: the count varint plus every header ({@link #sizeOfHeaders}). Stateless;
 * allocation-free except {@link #sizeOfHeaders(Headers)} on a {@link Headers} that is not a
 * {@link RecordHeaders} (it iterates).
 */
public final class RecordSizes {

    /**
     * The most bytes a record adds besides key, value and headers: length varint (5), attributes (1),
     * timestamp delta varlong (10), offset delta varint (5). Kafka's {@code DefaultRecord.MAX_RECORD_OVERHEAD}.
     */
    public static final int MAX_RECORD_OVERHEAD = 21;

    /** The size of a header section with no headers: one varint 0. */
    public static final int EMPTY_HEADERS_SIZE = 1;

    private static final int NULL_LENGTH_SIZE = 1;

    private RecordSizes() {
    }

    /**
     * The exact size of one record as written in a batch, length prefix included.
     *
     * @param keySize     key bytes, or -1 for a null key
     * @param valueSize   value bytes, or -1 for a null value
     * @param headersSize from {@link #sizeOfHeaders}
     */
    public static int sizeOfRecord(int offsetDelta, long timestampDelta, int keySize, int valueSize, int headersSize) {
        int body = sizeOfRecordBody(offsetDelta, timestampDelta, keySize, valueSize, headersSize);
        return Varints.sizeOfVarint(body) + body;
    }

    /** {@link #sizeOfRecord(int, long, int, int, int)} with the headers given as an array (null = none). */
    public static int sizeOfRecord(int offsetDelta, long timestampDelta, int keySize, int valueSize, Header[] headers) {
        return sizeOfRecord(offsetDelta, timestampDelta, keySize, valueSize, sizeOfHeaders(headers));
    }

    /** The size of a record without its length prefix: what the length prefix says. */
    public static int sizeOfRecordBody(int offsetDelta, long timestampDelta, int keySize, int valueSize, int headersSize) {
        return 1 // attributes
                + Varints.sizeOfVarlong(timestampDelta)
                + Varints.sizeOfVarint(offsetDelta)
                + sizeOfBytes(keySize)
                + sizeOfBytes(valueSize)
                + headersSize;
    }

    /**
     * An upper bound of the size of a batch holding just this record, whatever its offset and
     * timestamp deltas and before compression (Kafka's {@code estimateSizeInBytesUpperBound} for
     * magic 2). A record whose bound exceeds {@code max.request.size} is refused up front.
     */
    public static int estimateBatchSizeUpperBound(int keySize, int valueSize, int headersSize) {
        return RecordBatchDescriptor.RECORD_BATCH_OVERHEAD + MAX_RECORD_OVERHEAD
                + sizeOfBytes(keySize) + sizeOfBytes(valueSize) + headersSize;
    }

    /** A length-prefixed byte field: the varint plus the bytes, or 1 byte for null (-1). */
    static int sizeOfBytes(int size) {
        return size < 0 ? NULL_LENGTH_SIZE : Varints.sizeOfVarint(size) + size;
    }

    /** The encoded header section: count varint plus each header. {@code null} means no headers. */
    public static int sizeOfHeaders(Header[] headers) {
        if (headers == null) {
            return EMPTY_HEADERS_SIZE;
        }
        int size = Varints.sizeOfVarint(headers.length);
        for (Header header : headers) {
            size += sizeOfHeader(header);
        }
        return size;
    }

    /** The encoded header section; allocation-free for {@link RecordHeaders}. {@code null} means none. */
    public static int sizeOfHeaders(Headers headers) {
        if (headers == null) {
            return EMPTY_HEADERS_SIZE;
        }
        int size = Varints.sizeOfVarint(headers.size());
        if (headers instanceof RecordHeaders indexed) {
            for (int i = 0, n = indexed.size(); i < n; i++) {
                size += sizeOfHeader(indexed.get(i));
            }
        } else {
            for (Header header : headers) {
                size += sizeOfHeader(header);
            }
        }
        return size;
    }

    /** One header: key length varint, UTF-8 key, value length varint, value. */
    public static int sizeOfHeader(Header header) {
        int keyLength = utf8Length(headerKey(header));
        byte[] value = header.value();
        return Varints.sizeOfVarint(keyLength) + keyLength + sizeOfBytes(value == null ? -1 : value.length);
    }

    static String headerKey(Header header) {
        if (header == null) {
            throw new IllegalArgumentException("A record's headers contain a null header; remove it or add a real one");
        }
        String key = header.key();
        if (key == null) {
            throw new IllegalArgumentException("Header " + header + " has a null key; header keys must be non-null strings");
        }
        return key;
    }

    /**
     * The number of bytes {@code s.getBytes(UTF_8)} produces, without encoding: a lone surrogate
     * counts as the one-byte replacement {@code '?'}, as the JDK encoder writes it.
     */
    public static int utf8Length(String s) {
        int length = s.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // 4 bytes for two chars
                i++;
            } else if (Character.isSurrogate(c)) {
                continue; // lone surrogate: '?'
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }
}
