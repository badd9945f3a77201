package io.sluice.core.record;

import static io.sluice.core.record.RecordBatchDescriptor.NO_PRODUCER_EPOCH;
import static io.sluice.core.record.RecordBatchDescriptor.NO_PRODUCER_ID;
import static io.sluice.core.record.RecordBatchDescriptor.NO_SEQUENCE;
import static io.sluice.core.record.RecordBatchDescriptor.NO_TIMESTAMP;
import static io.sluice.core.record.RecordBatchDescriptor.RECORDS_OFFSET;

import io.sluice.api.Header;
import io.sluice.api.Headers;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes ONE Kafka record batch (v2) straight into a buffer given by the caller: records are
 * appended uncompressed after the 61-byte header gap, with no allocation per record; {@link #seal}
 * compresses them in one go; {@link #close} writes the header and CRC and hands out the finished
 * batch for a gathering write. The package documentation walks through how the accumulator and the
 * sender use it, and why compression happens at seal.
 *
 * <p>Owned by one partition of the accumulator and guarded by that partition's lock while open;
 * sealed and closed by whichever thread then holds it (a full batch: the appending user thread;
 * at drain: the sender thread). Not thread-safe.
 */
public final class RecordBatchBuilder {

    /** What {@code tryAppend} returns when the record does not fit. */
    public static final int NO_ROOM = -1;

    /** Kafka's {@code COMPRESSION_RATE_ESTIMATION_FACTOR}: headroom over the estimated ratio. */
    static final float COMPRESSION_RATE_ESTIMATION_FACTOR = 1.05f;

    private enum State { OPEN, SEALED, CLOSED }

    private ByteBuffer out; // the batch, at index 0; position = end of records while open
    private final int writeLimit;
    private final BatchCompression compression;
    private final boolean compressing;
    private final float estimatedRatio;

    private State state = State.OPEN;
    private int recordCount;
    private long baseTimestamp = NO_TIMESTAMP;
    private long maxTimestamp = NO_TIMESTAMP;
    private int uncompressedRecordsBytes; // committed records; a failed append leaves bytes after them
    private int expectedEnd; // where the record being appended must end
    private RecordClaim claim; // made on the first tryClaim, then reused
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
        this.compressing = !compression.isNone();
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

    // ---- claiming: a serializer writes key and/or value straight into the batch ----

    /**
     * Reserves room for a record whose key and value are written afterwards by the caller (a
     * {@code BufferSerializer}): writes everything but the key and value bytes. Then fill
     * {@link #keyTarget()} and {@link #valueTarget()} and call {@link #commitClaim()}, or
     * {@link #abortClaim()} if serializing failed.
     *
     * @param keySize   the exact key size, -1 for a null key
     * @param valueSize the exact value size, -1 for a null value
     * @return the record's offset delta, or {@link #NO_ROOM}
     * @throws IllegalStateException if another claim is pending
     */
    public int tryClaim(long timestamp, int keySize, int valueSize, Header[] headers) {
        int offsetDelta = beginClaim(timestamp, keySize, valueSize, RecordSizes.sizeOfHeaders(headers));
        if (offsetDelta != NO_ROOM) {
            RecordEncoder.writeHeaders(out, headers);
        }
        return offsetDelta;
    }

    /** {@link #tryClaim(long, int, int, Header[])} with the producer's {@link Headers}. */
    public int tryClaim(long timestamp, int keySize, int valueSize, Headers headers) {
        int offsetDelta = beginClaim(timestamp, keySize, valueSize, RecordSizes.sizeOfHeaders(headers));
        if (offsetDelta != NO_ROOM) {
            RecordEncoder.writeHeaders(out, headers);
        }
        return offsetDelta;
    }

    /**
     * The claimed record's key bytes: a view positioned at the key's first byte with its limit after
     * the last (writing more overflows), or {@code null} for a null key. Reused: valid until the
     * claim ends.
     */
    public ByteBuffer keyTarget() {
        return pendingClaim().keyTarget();
    }

    /** The claimed record's value bytes, like {@link #keyTarget()}; {@code null} for a null value. */
    public ByteBuffer valueTarget() {
        return pendingClaim().valueTarget();
    }

    /**
     * Adds the claimed record to the batch.
     *
     * @return its offset delta
     * @throws IllegalStateException if the key or value were not written completely; the claim is
     *         then abandoned as by {@link #abortClaim()}
     */
    public int commitClaim() {
        String unfilled = pendingClaim().unfilled();
        if (unfilled != null) {
            abortClaim();
            throw new IllegalStateException(unfilled + "; serializedSize must equal what serializeInto writes");
        }
        claim.clear();
        return commit(claim.timestamp(), recordCount);
    }

    /** Forgets the claimed record, as if it had never been claimed (e.g. its serializer threw). */
    public void abortClaim() {
        pendingClaim().clear();
        out.position(committedEnd());
    }

    private int beginClaim(long timestamp, int keySize, int valueSize, int headersSize) {
        if (keySize < -1 || valueSize < -1) {
            throw new IllegalArgumentException("Key and value sizes are >= -1 (-1 = null), got key " + keySize
                    + ", value " + valueSize);
        }
        int offsetDelta = begin(timestamp, keySize, valueSize, headersSize);
        if (offsetDelta != NO_ROOM) {
            if (claim == null) {
                claim = new RecordClaim(out);
            }
            claim.open(out, timestamp, keySize, valueSize);
        }
        return offsetDelta;
    }

    private RecordClaim pendingClaim() {
        if (claim == null || !claim.isPending()) {
            throw new IllegalStateException("No record is claimed; call tryClaim(...) first");
        }
        return claim;
    }

    private void checkNoClaim() {
        if (claim != null && claim.isPending()) {
            throw new IllegalStateException("A claimed record is pending; commitClaim() or abortClaim() it first");
        }
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

    /**
     * For batches that start small and grow ({@code buffer.memory.allocation.strategy=incremental}):
     * how many bytes the buffer needs in all to take a record of these sizes, when the record is within
     * the write limit but not within the buffer; 0 if it fits now; -1 if the batch is full by its write
     * limit (or sealed), so growing would not help.
     */
    public int capacityNeededFor(long timestamp, int keySize, int valueSize, int headersSize) {
        if (state != State.OPEN || isFull()) {
            return -1;
        }
        long delta = recordCount == 0 ? 0 : timestamp - baseTimestamp;
        int size = RecordSizes.sizeOfRecord(recordCount, delta, keySize, valueSize, headersSize);
        if (recordCount > 0 && writeLimit < estimatedBytesWritten() + size) {
            return -1;
        }
        int needed = committedEnd() + size;
        return needed <= out.limit() ? 0 : needed;
    }

    /**
     * Moves the open batch into a larger buffer (incremental allocation): copies what was written and
     * continues there. The caller frees the old buffer. Only between appends (no claim open).
     *
     * @throws IllegalStateException if the batch is sealed
     * @throws IllegalArgumentException if {@code larger} has less room than the current buffer
     */
    public void moveTo(ByteBuffer larger) {
        if (state != State.OPEN) {
            throw new IllegalStateException("Only an open batch can move to a larger buffer");
        }
        ByteBuffer next = larger.slice();
        if (next.capacity() < out.limit()) {
            throw new IllegalArgumentException("Cannot move a batch of " + out.limit() + " bytes into " + next.capacity()
                    + " bytes");
        }
        int end = out.position();
        next.put(0, out, 0, end);
        next.position(end);
        out = next;
    }

    private boolean fits(int recordSize) {
        return writeLimit >= estimatedBytesWritten() + recordSize && recordSize <= out.limit() - committedEnd();
    }

    private int committedEnd() {
        return RECORDS_OFFSET + uncompressedRecordsBytes;
    }

    /** Checks room and writes the record's prefix; returns its offset delta or NO_ROOM. */
    private int begin(long timestamp, int keySize, int valueSize, int headersSize) {
        if (state != State.OPEN) {
            return NO_ROOM;
        }
        checkNoClaim();
        out.position(committedEnd()); // drops what a failed append may have left
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
        expectedEnd = out.position() + size;
        RecordEncoder.writePrefix(out, body, timestampDelta, offsetDelta);
        return offsetDelta;
    }

    private int commit(long timestamp, int offsetDelta) {
        if (out.position() != expectedEnd) {
            throw new IllegalStateException("A record was sized at " + (expectedEnd - committedEnd()) + " bytes but "
                    + (out.position() - committedEnd()) + " were written: its key, value or headers changed while it"
                    + " was appended; the record was dropped");
        }
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
     * @throws IllegalStateException if the batch holds no record or a claimed record is pending
     * @throws io.sluice.api.errors.SluiceException if the codec fails
     */
    public void seal(CompressionScratch scratch) {
        if (state != State.OPEN) {
            return;
        }
        checkNoClaim();
        if (recordCount == 0) {
            throw new IllegalStateException("Cannot seal an empty batch: a batch holds at least one record");
        }
        writtenCodecId = 0;
        sizeInBytes = RECORDS_OFFSET + uncompressedRecordsBytes;
        if (compressing) {
            int compressed = RecordsCompression.compressInPlace(out, uncompressedRecordsBytes, recordCount, compression,
                    Objects.requireNonNull(scratch, "scratch (needed to compress)"));
            if (compressed != RecordsCompression.DOES_NOT_FIT) {
                writtenCodecId = compression.codecId();
                sizeInBytes = RECORDS_OFFSET + compressed;
            } // else the records stay as they are, uncompressed (codec 0)
        }
        compressionRatio = (float) (sizeInBytes - RECORDS_OFFSET) / uncompressedRecordsBytes;
        state = State.SEALED;
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
        if (!compressing) {
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
