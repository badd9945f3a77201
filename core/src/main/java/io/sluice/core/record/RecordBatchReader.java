package io.sluice.core.record;

import static io.sluice.core.record.RecordBatchDescriptor.LOG_OVERHEAD;
import static io.sluice.core.record.RecordBatchDescriptor.MAGIC_V2;
import static io.sluice.core.record.RecordBatchDescriptor.RECORDS_OFFSET;
import static io.sluice.core.record.RecordBatchDescriptor.RECORD_BATCH_OVERHEAD;

import io.sluice.api.spi.Compressor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Steps through the v2 record batches laid end to end in a buffer (what a producer sends, a
 * fetch response's records, a log segment) and, per batch, through its records.
 *
 * <pre>{@code
 * RecordBatchReader reader = new RecordBatchReader(bytes, lookup);
 * while (reader.nextBatch()) {
 *     long base = reader.baseOffset();
 *     RecordCursor records = reader.records();
 *     while (records.next()) {
 *         use(records.offset(), records.timestamp(), records.key(), records.value(), records.headers());
 *     }
 * }
 * }</pre>
 *
 * {@link #nextBatch()} checks the batch before anything is read from it: the length against the
 * bytes that remain, the magic (2), and the CRC-32C. Compressed records are decompressed through
 * the {@link CompressorLookup}, at most {@code maxDecompressedBytes} per batch. Every failure is a
 * {@link CorruptBatchException} (or {@link UnsupportedCodecException}) naming the batch's base
 * offset and position. The reader reads the buffer with absolute indexing and never changes it.
 *
 * <p>Owned by one thread; not thread-safe.
 */
public final class RecordBatchReader {

    /** The default cap on one batch's decompressed records: 64 MiB. */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 64 << 20;

    private final ByteBuffer data;
    private final CompressorLookup codecs;
    private final int maxDecompressedBytes;
    private final RecordCursor cursor = new RecordCursor();

    private int next;
    private int start = -1;
    private int size;

    public RecordBatchReader(ByteBuffer buffer, CompressorLookup codecs) {
        this(buffer, codecs, DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    /**
     * @param buffer               batches from its position to its limit
     * @param codecs               compressors by codec id, for compressed batches
     * @param maxDecompressedBytes the most bytes one batch's records may decompress to
     */
    public RecordBatchReader(ByteBuffer buffer, CompressorLookup codecs, int maxDecompressedBytes) {
        this.data = Objects.requireNonNull(buffer, "buffer").duplicate();
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        if (maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be > 0, got " + maxDecompressedBytes);
        }
        this.maxDecompressedBytes = maxDecompressedBytes;
        this.next = data.position();
    }

    /**
     * Moves to the next batch and validates it.
     *
     * @return false when the buffer holds no more bytes
     * @throws CorruptBatchException if the bytes left are not a whole valid v2 batch
     */
    public boolean nextBatch() {
        int remaining = data.limit() - next;
        if (remaining == 0) {
            start = -1;
            return false;
        }
        start = next;
        if (remaining < LOG_OVERHEAD) {
            throw new CorruptBatchException("Truncated data at position " + start + ": " + remaining
                    + " bytes remain, fewer than the " + LOG_OVERHEAD + "-byte offset and length of a batch");
        }
        int length = RecordBatchDescriptor.length(data, start);
        if (length < RECORD_BATCH_OVERHEAD - LOG_OVERHEAD) {
            throw new CorruptBatchException(name() + " is corrupt: its length field is " + length
                    + ", less than the " + (RECORD_BATCH_OVERHEAD - LOG_OVERHEAD) + " bytes of a v2 header");
        }
        if (length > remaining - LOG_OVERHEAD) {
            throw new CorruptBatchException(name() + " is truncated: its length field says " + length
                    + " bytes follow, but only " + (remaining - LOG_OVERHEAD) + " remain");
        }
        size = LOG_OVERHEAD + length;
        byte magic = RecordBatchDescriptor.magic(data, start);
        if (magic != MAGIC_V2) {
            throw new CorruptBatchException(name() + " has magic " + magic + "; only record batch v2 (magic 2)"
                    + " is supported (brokers from Kafka 0.11 on write it)");
        }
        long stored = RecordBatchDescriptor.storedCrc(data, start);
        long computed = RecordBatchDescriptor.computeCrc(data, start, size);
        if (stored != computed) {
            throw new CorruptBatchException(name() + " is corrupt: CRC-32C stored 0x" + Long.toHexString(stored)
                    + " but computed 0x" + Long.toHexString(computed) + " over its " + size
                    + " bytes; the bytes were damaged in transit or storage");
        }
        if (recordCount() < 0) {
            throw new CorruptBatchException(name() + " is corrupt: it declares " + recordCount() + " records");
        }
        next = start + size;
        return true;
    }

    /**
     * The records of the current batch, decompressing them first if needed. Calling it again
     * restarts from the first record.
     *
     * @throws UnsupportedCodecException if no compressor for the batch's codec is available
     * @throws CorruptBatchException if decompression fails or exceeds {@code maxDecompressedBytes}
     */
    public RecordCursor records() {
        checkBatch();
        Long logAppendTime = isLogAppendTime() ? maxTimestamp() : null;
        if (codecId() == 0) {
            cursor.reset(data, start + RECORDS_OFFSET, start + size, name(), baseOffset(), baseTimestamp(),
                    logAppendTime, recordCount());
        } else {
            ByteBuffer plain = decompress();
            cursor.reset(plain, 0, plain.limit(), name(), baseOffset(), baseTimestamp(), logAppendTime, recordCount());
        }
        return cursor;
    }

    private ByteBuffer decompress() {
        int codecId = codecId();
        Compressor codec = codecs.forId(codecId);
        String codecName = CompressorLookup.kafkaName(codecId);
        if (codec == null) {
            String module = codecId >= 1 && codecId <= 4 ? "; add io.sluice:sluice-codec-" + codecName : "";
            throw new UnsupportedCodecException(name() + " uses " + codecName + " (id " + codecId
                    + ") but no Compressor for id " + codecId + " is available" + module);
        }
        ByteBuffer compressed = data.duplicate().limit(start + size).position(start + RECORDS_OFFSET);
        try (InputStream in = codec.decompress(new Compressor.ByteBufferInputStream(compressed))) {
            return readAtMost(in, compressed.remaining(), codecName);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptBatchException corrupt) {
                throw corrupt;
            }
            throw new CorruptBatchException(name() + " is corrupt: decompressing its " + codecName + " records (id "
                    + codecId + ") failed: " + e, e);
        }
    }

    private ByteBuffer readAtMost(InputStream in, int compressedSize, String codecName) throws IOException {
        byte[] buf = new byte[(int) Math.min(maxDecompressedBytes, Math.max(256L, compressedSize * 4L))];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n == maxDecompressedBytes) {
                    if (in.read() < 0) {
                        break;
                    }
                    throw new CorruptBatchException(name() + " decompresses (" + codecName + ") to more than "
                            + maxDecompressedBytes + " bytes, the reader's limit; raise maxDecompressedBytes if"
                            + " such batches are legitimate");
                }
                buf = Arrays.copyOf(buf, (int) Math.min(maxDecompressedBytes, buf.length * 2L));
            }
            int read = in.read(buf, n, buf.length - n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        return ByteBuffer.wrap(buf, 0, n);
    }

    private String name() {
        return "The batch at offset " + RecordBatchDescriptor.baseOffset(data, start) + " (position " + start + ")";
    }

    private void checkBatch() {
        if (start < 0) {
            throw new IllegalStateException("No current batch; call nextBatch() and check that it returned true");
        }
    }

    // ---- header fields of the current batch ----

    /** The current batch's position in the buffer. */
    public int position() {
        checkBatch();
        return start;
    }

    public int sizeInBytes() {
        checkBatch();
        return size;
    }

    /** A read-only view of the whole current batch. */
    public ByteBuffer batch() {
        checkBatch();
        return data.duplicate().limit(start + size).position(start).slice().asReadOnlyBuffer();
    }

    public long baseOffset() {
        checkBatch();
        return RecordBatchDescriptor.baseOffset(data, start);
    }

    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    public int partitionLeaderEpoch() {
        checkBatch();
        return RecordBatchDescriptor.partitionLeaderEpoch(data, start);
    }

    public byte magic() {
        checkBatch();
        return RecordBatchDescriptor.magic(data, start);
    }

    public long crc() {
        checkBatch();
        return RecordBatchDescriptor.storedCrc(data, start);
    }

    public short attributes() {
        checkBatch();
        return RecordBatchDescriptor.attributes(data, start);
    }

    public int codecId() {
        return RecordBatchDescriptor.codecId(attributes());
    }

    public boolean isLogAppendTime() {
        return RecordBatchDescriptor.isLogAppendTime(attributes());
    }

    public boolean isTransactional() {
        return RecordBatchDescriptor.isTransactional(attributes());
    }

    /** A control batch (transaction commit/abort markers), never written by producers. */
    public boolean isControl() {
        return RecordBatchDescriptor.isControl(attributes());
    }

    public int lastOffsetDelta() {
        checkBatch();
        return RecordBatchDescriptor.lastOffsetDelta(data, start);
    }

    public long baseTimestamp() {
        checkBatch();
        return RecordBatchDescriptor.baseTimestamp(data, start);
    }

    public long maxTimestamp() {
        checkBatch();
        return RecordBatchDescriptor.maxTimestamp(data, start);
    }

    public long producerId() {
        checkBatch();
        return RecordBatchDescriptor.producerId(data, start);
    }

    public short producerEpoch() {
        checkBatch();
        return RecordBatchDescriptor.producerEpoch(data, start);
    }

    public int baseSequence() {
        checkBatch();
        return RecordBatchDescriptor.baseSequence(data, start);
    }

    public int recordCount() {
        checkBatch();
        return RecordBatchDescriptor.recordsCount(data, start);
    }
}
