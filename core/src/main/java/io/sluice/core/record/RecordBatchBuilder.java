package io.sluice.core.record;

import static io.sluice.core.record.RecordBatchDescriptor.NO_PRODUCER_EPOCH;
import static io.sluice.core.record.RecordBatchDescriptor.NO_PRODUCER_ID;
import static io.sluice.core.record.RecordBatchDescriptor.NO_SEQUENCE;
import static io.sluice.core.record.RecordBatchDescriptor.NO_TIMESTAMP;
import static io.sluice.core.record.RecordBatchDescriptor.RECORDS_OFFSET;

import io.sluice.api.Header;
import io.sluice.api.Headers;
import io.sluice.api.errors.SluiceException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes ONE Kafka record batch (v2) straight into a buffer given by the caller: records are
 * appended uncompressed after the 61-byte header gap; {@link #seal} compresses them in one go;
 * {@link #close} writes the header and CRC and hands out the finished batch for a gathering write.
 *
 * <p>Owned by one partition of the accumulator and guarded by that partition's lock while it is
 * open; once closed it is read by the sender thread only. Not thread-safe.
 *
 * <h2>How the producer uses it</h2>
 * <ol>
 *   <li><b>Create</b> (user thread, partition lock held): buffer from the {@code BufferPool} of
 *       {@code max(bufferSizeFor(batch.size, ratio), upper bound of the first record)} bytes,
 *       {@code writeLimit = batch.size}, the producer's {@link BatchCompression}, and
 *       {@code ratio = estimator.estimation(topic, codecId)} ({@link CompressionRatioEstimator}).</li>
 *   <li><b>Append</b> (user threads, partition lock held): {@code tryAppend(...)} returns the
 *       record's offset delta (its index in the batch, for its future), or {@link #NO_ROOM}: then
 *       the batch is full; seal it and append to a new one. The first record always fits, as in
 *       Kafka. For KIP-794, {@code estimatedSizeInBytes()} before and after gives the appended bytes.</li>
 *   <li><b>Seal</b>: {@link #seal(CompressionScratch)} once no more records will come. Kafka does
 *       this work ({@code closeForRecordAppends}) on the user thread that found the batch full; doing
 *       the same spreads compression over user threads (a scratch per thread); the sender seals
 *       the batches it drains because of {@code linger.ms} with its own scratch.</li>
 *   <li><b>Close on drain</b> (sender thread): {@link #close(CompressionScratch, long, short, int, boolean)}
 *       with the producer id/epoch and the partition's next sequence, then
 *       {@code estimator.updateEstimation(topic, codecId(), compressionRatio())}. Write
 *       {@link #finishedBatch()} to the wire.</li>
 *   <li><b>Re-stamp</b> (sender thread): a retried batch keeps its bytes. After an epoch bump
 *       (KIP-360) call {@link RecordBatchDescriptor#rewriteProducerState} on the finished batch:
 *       it rewrites producer id, epoch, sequence and the transactional flag and recomputes the CRC.</li>
 * </ol>
 *
 * <h2>Why compress at seal, not while appending</h2>
 * Appends are plain buffer puts, the same for every codec, with no per-record stream calls and no
 * codec state (zstd/gzip contexts, their native memory) held by each open batch of each
 * partition; the whole section goes through the codec's bulk {@code ByteBuffer} API once. The cost
 * is memory: the buffer must hold the records uncompressed. {@link #bufferSizeFor} sizes it from the
 * ratio estimate so batches still compress to about {@code batch.size}; if the buffer fills first,
 * the batch is simply full earlier. The compressed bytes land in a thread-confined
 * {@link CompressionScratch} and are copied back over the records (so only compressed bytes are
 * ever copied). The accumulator may then copy the (small) finished batch into a
 * {@code batch.size} pool buffer and free the large one at once. Should the compressed form not fit
 * in the buffer (incompressible data), the batch is sent uncompressed, which every broker and
 * consumer accepts ({@link #codecId()} tells which).
 */
public final class RecordBatchBuilder {

    /** What {@code tryAppend} returns when the record does not fit. */
    public static final int NO_ROOM = -1;

    /** Kafka's {@code COMPRESSION_RATE_ESTIMATION_FACTOR}: headroom over the estimated ratio. */
    static final float COMPRESSION_RATE_ESTIMATION_FACTOR = 1.05f;

    private enum State { OPEN, SEALED, CLOSED }

    private final ByteBuffer out; // the batch, at index 0; position = end of records while open
    private final int writeLimit;
    private final BatchCompression compression;
    private final float estimatedRatio;

    private State state = State.OPEN;
    private int recordCount;
    private long baseTimestamp = NO_TIMESTAMP;
    private long maxTimestamp = NO_TIMESTAMP;
    private int uncompressedRecordsBytes;
    // set by seal()
    private int sizeInBytes;
    private int writtenCodecId;
    private float compressionRatio = 1.0f;

    /**
     * @param buffer         the batch is written from its position to at most its limit; the
     *                       buffer's own position and limit are not changed
     * @param writeLimit     {@code batch.size}: the estimated size a batch may reach (Kafka's meaning)
     * @param compression    codec and level, or {@link BatchCompression#NONE}
     * @param estimatedRatio the estimated compression ratio, used only when compressing (&gt; 0)
     */
    public RecordBatchBuilder(ByteBuffer buffer, int writeLimit, BatchCompression compression, float estimatedRatio) {
        Objects.requireNonNull(buffer, "buffer");
        this.compression = Objects.requireNonNull(compression, "compression");
        if (buffer.remaining() < RECORDS_OFFSET + 7) {
            throw new IllegalArgumentException("A batch buffer needs room for the " + RECORDS_OFFSET
                    + "-byte header and a record, but only " + buffer.remaining() + " bytes remain; size it with"
                    + " RecordSizes.estimateBatchSizeUpperBound");
        }
        if (!(estimatedRatio > 0.0f)) {
            throw new IllegalArgumentException("estimatedRatio must be > 0, got " + estimatedRatio);
        }
        this.out = buffer.slice();
        this.out.position(RECORDS_OFFSET);
        this.writeLimit = writeLimit;
        this.estimatedRatio = estimatedRatio;
    }

    /** An uncompressed batch. */
    public RecordBatchBuilder(ByteBuffer buffer, int writeLimit) {
        this(buffer, writeLimit, BatchCompression.NONE, 1.0f);
    }

    /**
     * A buffer size that lets a batch reach {@code writeLimit} once compressed at the estimated
     * ratio: the uncompressed records the builder accepts before its estimate hits the limit. Equal
     * to {@code writeLimit} for ratios of about 1 and above; cap it (e.g. at a few batch sizes)
     * where memory matters, and never go below the first record's upper bound.
     */
    public static int bufferSizeFor(int writeLimit, float estimatedRatio) {
        int records = Math.max(0, writeLimit - RECORDS_OFFSET);
        double factor = Math.min(1.0, (double) estimatedRatio * COMPRESSION_RATE_ESTIMATION_FACTOR);
        // +1 byte for the estimate's rounding down, +8 for float error: the physical check stays exact anyway
        double size = RECORDS_OFFSET + Math.ceil((records + 1) / factor) + 8;
        return (int) Math.min(size, Integer.MAX_VALUE - 8);
    }

    // ---- appending (user threads, under the partition's lock) ----

    /**
     * Appends a record if it fits. {@code null} key, value or headers are written as null
     * key/value and no headers.
     *
     * @param timestamp CreateTime in ms, &gt;= 0 (or -1, no timestamp)
     * @return the record's offset delta, or {@link #NO_ROOM} if the batch is full or sealed
     * @throws IllegalArgumentException if the timestamp is invalid, a header key is null, or this is
     *         the first record and it does not fit the buffer at all
     */
    public int tryAppend(long timestamp, byte[] key, byte[] value, Header[] headers) {
        int offsetDelta = begin(timestamp, key == null ? -1 : key.length, value == null ? -1 : value.length,
                RecordSizes.sizeOfHeaders(headers));
        if (offsetDelta == NO_ROOM) {
            return NO_ROOM;
        }
        RecordEncoder.writeBytes(out, key);
        RecordEncoder.writeBytes(out, value);
        RecordEncoder.writeHeaders(out, headers);
        return commit(timestamp, offsetDelta);
    }

    /** {@link #tryAppend(long, byte[], byte[], Header[])} with the producer's {@link Headers}. */
    public int tryAppend(long timestamp, byte[] key, byte[] value, Headers headers) {
        int offsetDelta = begin(timestamp, key == null ? -1 : key.length, value == null ? -1 : value.length,
                RecordSizes.sizeOfHeaders(headers));
        if (offsetDelta == NO_ROOM) {
            return NO_ROOM;
        }
        RecordEncoder.writeBytes(out, key);
        RecordEncoder.writeBytes(out, value);
        RecordEncoder.writeHeaders(out, headers);
        return commit(timestamp, offsetDelta);
    }

    /**
     * {@link #tryAppend(long, byte[], byte[], Header[])} with key and value as the remaining bytes of
     * buffers (heap or direct); their positions are not changed.
     */
    public int tryAppend(long timestamp, ByteBuffer key, ByteBuffer value, Header[] headers) {
        int offsetDelta = begin(timestamp, key == null ? -1 : key.remaining(), value == null ? -1 : value.remaining(),
                RecordSizes.sizeOfHeaders(headers));
        if (offsetDelta == NO_ROOM) {
            return NO_ROOM;
        }
        RecordEncoder.writeBytes(out, key);
        RecordEncoder.writeBytes(out, value);
        RecordEncoder.writeHeaders(out, headers);
        return commit(timestamp, offsetDelta);
    }

    /** {@link #tryAppend(long, ByteBuffer, ByteBuffer, Header[])} with the producer's {@link Headers}. */
    public int tryAppend(long timestamp, ByteBuffer key, ByteBuffer value, Headers headers) {
        int offsetDelta = begin(timestamp, key == null ? -1 : key.remaining(), value == null ? -1 : value.remaining(),
                RecordSizes.sizeOfHeaders(headers));
        if (offsetDelta == NO_ROOM) {
            return NO_ROOM;
        }
        RecordEncoder.writeBytes(out, key);
        RecordEncoder.writeBytes(out, value);
        RecordEncoder.writeHeaders(out, headers);
        return commit(timestamp, offsetDelta);
    }

    /**
     * Whether a record of these sizes would be accepted now (Kafka's {@code hasRoomFor}): always
     * for an empty open batch; otherwise if the estimated size plus the record's exact size stays
     * within the write limit and the record fits the buffer.
     *
     * @param headersSize from {@link RecordSizes#sizeOfHeaders}
     */
    public boolean hasRoomFor(long timestamp, int keySize, int valueSize, int headersSize) {
        if (state != State.OPEN) {
            return false;
        }
        if (recordCount == 0) {
            return true;
        }
        int size = RecordSizes.sizeOfRecord(recordCount, timestamp - baseTimestamp, keySize, valueSize, headersSize);
        return fits(size);
    }

    /** Kafka's {@code isFull}: sealed, or holding records whose estimated size reached the write limit. */
    public boolean isFull() {
        return state != State.OPEN || (recordCount > 0 && writeLimit <= estimatedBytesWritten());
    }

    private boolean fits(int recordSize) {
        return writeLimit >= estimatedBytesWritten() + recordSize && recordSize <= out.remaining();
    }

    /** Checks room and writes the record's prefix; returns its offset delta or NO_ROOM. */
    private int begin(long timestamp, int keySize, int valueSize, int headersSize) {
        if (state != State.OPEN) {
            return NO_ROOM;
        }
        if (timestamp < 0 && timestamp != NO_TIMESTAMP) {
            throw new IllegalArgumentException("Invalid record timestamp " + timestamp
                    + "; use a time in ms since the epoch (>= 0)");
        }
        int offsetDelta = recordCount;
        long timestampDelta = recordCount == 0 ? 0L : timestamp - baseTimestamp;
        int body = RecordSizes.sizeOfRecordBody(offsetDelta, timestampDelta, keySize, valueSize, headersSize);
        int size = Varints.sizeOfVarint(body) + body;
        if (recordCount == 0) {
            if (size > out.remaining()) {
                throw new IllegalArgumentException("The first record (" + size + " bytes) does not fit the batch"
                        + " buffer of " + out.limit() + " bytes; allocate at least"
                        + " RecordSizes.estimateBatchSizeUpperBound(...) bytes for it");
            }
        } else if (isFull() || !fits(size)) {
            return NO_ROOM;
        }
        RecordEncoder.writePrefix(out, body, timestampDelta, offsetDelta);
        return offsetDelta;
    }

    private int commit(long timestamp, int offsetDelta) {
        if (recordCount == 0) {
            baseTimestamp = timestamp;
        }
        if (timestamp > maxTimestamp) {
            maxTimestamp = timestamp;
        }
        recordCount++;
        uncompressedRecordsBytes = out.position() - RECORDS_OFFSET;
        return offsetDelta;
    }

    // ---- sealing and closing ----

    /**
     * Ends appending: later {@code tryAppend} calls return {@link #NO_ROOM}. Compresses the
     * records section if a codec is set. Idempotent.
     *
     * @param scratch work space for the codec; may be null when the batch is uncompressed
     * @throws IllegalStateException if the batch holds no record
     * @throws SluiceException if the codec fails
     */
    public void seal(CompressionScratch scratch) {
        if (state != State.OPEN) {
            return;
        }
        if (recordCount == 0) {
            throw new IllegalStateException("Cannot seal an empty batch: a batch holds at least one record");
        }
        writtenCodecId = 0;
        sizeInBytes = RECORDS_OFFSET + uncompressedRecordsBytes;
        if (!compression.isNone()) {
            compressRecords(Objects.requireNonNull(scratch, "scratch (needed to compress)"));
        }
        compressionRatio = (float) (sizeInBytes - RECORDS_OFFSET) / uncompressedRecordsBytes;
        state = State.SEALED;
    }

    private void compressRecords(CompressionScratch scratch) {
        var codec = compression.compressor();
        ByteBuffer source = out.duplicate().limit(RECORDS_OFFSET + uncompressedRecordsBytes).position(RECORDS_OFFSET);
        ByteBuffer target = scratch.clear(codec.maxCompressedLength(uncompressedRecordsBytes));
        int compressed;
        try {
            compressed = codec.compress(source, target, compression.level());
        } catch (RuntimeException e) {
            throw new SluiceException("Compressing a batch of " + recordCount + " records (" + uncompressedRecordsBytes
                    + " bytes) with " + codec.name() + " (id " + codec.id() + ") at level " + compression.level()
                    + " failed: " + e.getMessage(), e);
        }
        if (RECORDS_OFFSET + compressed <= out.limit()) {
            out.put(RECORDS_OFFSET, target, 0, compressed);
            writtenCodecId = codec.id();
            sizeInBytes = RECORDS_OFFSET + compressed;
        }
        // else: the compressed form does not fit the buffer; the records stay uncompressed (codec 0).
    }

    /** {@link #close(CompressionScratch, long, short, int, boolean)} without idempotence. */
    public ByteBuffer close(CompressionScratch scratch) {
        return close(scratch, NO_PRODUCER_ID, NO_PRODUCER_EPOCH, NO_SEQUENCE, false);
    }

    /**
     * Seals the batch if needed, writes the header with this producer state and the CRC.
     *
     * @return the finished batch, positions 0..{@link #sizeInBytes()}, ready for a gathering write
     * @throws IllegalStateException if already closed (re-stamp with
     *         {@link RecordBatchDescriptor#rewriteProducerState}) or empty
     * @throws IllegalArgumentException if the producer state is inconsistent (Kafka's rules)
     */
    public ByteBuffer close(CompressionScratch scratch, long producerId, short producerEpoch, int baseSequence,
                            boolean transactional) {
        if (state == State.CLOSED) {
            throw new IllegalStateException("The batch is already closed; re-stamp its producer state with"
                    + " RecordBatchDescriptor.rewriteProducerState");
        }
        RecordBatchDescriptor.checkProducerState(producerId, producerEpoch, baseSequence, transactional);
        seal(scratch);
        RecordBatchDescriptor.writeHeader(out, 0, new BatchHeader(sizeInBytes, writtenCodecId, recordCount,
                baseTimestamp, maxTimestamp, producerId, producerEpoch, baseSequence, transactional));
        state = State.CLOSED;
        return finishedBatch();
    }

    /** A new view of the finished batch (positions 0..size); each call returns an independent view. */
    public ByteBuffer finishedBatch() {
        if (state != State.CLOSED) {
            throw new IllegalStateException("The batch is not closed yet; call close(...) first");
        }
        return out.duplicate().limit(sizeInBytes).position(0).slice();
    }

    // ---- sizes ----

    private int estimatedBytesWritten() {
        if (compression.isNone()) {
            return RECORDS_OFFSET + uncompressedRecordsBytes;
        }
        return RECORDS_OFFSET + (int) (uncompressedRecordsBytes * estimatedRatio * COMPRESSION_RATE_ESTIMATION_FACTOR);
    }

    /** While open, the estimated final size (exact without compression); once sealed, the exact size. */
    public int estimatedSizeInBytes() {
        return state == State.OPEN ? estimatedBytesWritten() : sizeInBytes;
    }

    /** The final size of the batch. @throws IllegalStateException if not sealed yet */
    public int sizeInBytes() {
        if (state == State.OPEN) {
            throw new IllegalStateException("The final size is known once the batch is sealed");
        }
        return sizeInBytes;
    }

    /** The header plus the records before compression (for compression-rate metrics). */
    public int uncompressedSizeInBytes() {
        return RECORDS_OFFSET + uncompressedRecordsBytes;
    }

    /** Records bytes in the batch / records bytes before compression; 1.0 until sealed. */
    public float compressionRatio() {
        return compressionRatio;
    }

    public int recordCount() {
        return recordCount;
    }

    /** The codec actually used: the configured one, or 0 once sealed if compression did not fit. */
    public int codecId() {
        return state == State.OPEN ? compression.codecId() : writtenCodecId;
    }

    public long baseTimestamp() {
        return baseTimestamp;
    }

    public long maxTimestamp() {
        return maxTimestamp;
    }

    public int writeLimit() {
        return writeLimit;
    }

    public boolean isSealed() {
        return state != State.OPEN;
    }

    public boolean isClosed() {
        return state == State.CLOSED;
    }
}
