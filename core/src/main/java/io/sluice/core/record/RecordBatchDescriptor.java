package io.sluice.core.record;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The layout of a Kafka record batch, format v2 (magic 2): offsets of the header fields, the
 * attribute bits, and small stateless helpers that read and write them in place.
 *
 * <pre>
 *  offset size                                                          in CRC?
 *        +----+------------------------------------------------------+
 *     0  |  8 | BaseOffset            producer writes 0; broker sets  |  no
 *     8  |  4 | Length                bytes after this field          |  no
 *    12  |  4 | PartitionLeaderEpoch  producer writes -1; broker sets |  no
 *    16  |  1 | Magic                 2                               |  no
 *    17  |  4 | CRC                   CRC-32C of [21, end)            |  no
 *        +----+------------------------------------------------------+
 *    21  |  2 | Attributes            codec, timestamp type, flags    |  yes
 *    23  |  4 | LastOffsetDelta       recordCount - 1                 |  yes
 *    27  |  8 | BaseTimestamp         first record's timestamp        |  yes
 *    35  |  8 | MaxTimestamp          largest record timestamp        |  yes
 *    43  |  8 | ProducerId            -1 without idempotence          |  yes
 *    51  |  2 | ProducerEpoch         -1 without idempotence          |  yes
 *    53  |  4 | BaseSequence          -1 without idempotence          |  yes
 *    57  |  4 | RecordsCount          never compressed                |  yes
 *        +----+------------------------------------------------------+
 *    61  |  n | Records               plain, or ONE frame of the codec|  yes
 *        +----+------------------------------------------------------+
 *  record: varint Length | int8 Attributes (0) | varlong TimestampDelta | varint OffsetDelta
 *          | varint KeyLength (-1 null) | Key | varint ValueLength (-1 null) | Value
 *          | varint HeaderCount | per header: varint KeyLength | UTF-8 key | varint ValueLength (-1 null) | Value
 * </pre>
 *
 * All integers are big-endian. Attributes: bits 0-2 codec (0 none, 1 gzip, 2 snappy, 3 lz4,
 * 4 zstd), bit 3 timestamp type (1 = LogAppendTime), bit 4 transactional, bit 5 control,
 * bit 6 delete horizon (compaction only).
 *
 * <p>References: the "Record Batch" section of https://kafka.apache.org/documentation/#recordbatch,
 * Kafka's {@code DefaultRecordBatch} class javadoc, and section (c) of {@code KAFKA-COMPAT.md}.
 *
 * <p>Every helper takes the buffer and the position where the batch starts ({@code start}) and
 * uses absolute indexing: buffer positions and limits are never changed. Stateless.
 */
public final class RecordBatchDescriptor {

    public static final int BASE_OFFSET_OFFSET = 0;
    public static final int LENGTH_OFFSET = 8;
    public static final int PARTITION_LEADER_EPOCH_OFFSET = 12;
    public static final int MAGIC_OFFSET = 16;
    public static final int CRC_OFFSET = 17;
    public static final int ATTRIBUTES_OFFSET = 21;
    public static final int LAST_OFFSET_DELTA_OFFSET = 23;
    public static final int BASE_TIMESTAMP_OFFSET = 27;
    public static final int MAX_TIMESTAMP_OFFSET = 35;
    public static final int PRODUCER_ID_OFFSET = 43;
    public static final int PRODUCER_EPOCH_OFFSET = 51;
    public static final int BASE_SEQUENCE_OFFSET = 53;
    public static final int RECORDS_COUNT_OFFSET = 57;
    public static final int RECORDS_OFFSET = 61;

    /** BaseOffset and Length: the bytes in front of what Length counts (Kafka's LOG_OVERHEAD). */
    public static final int LOG_OVERHEAD = 12;
    /** The size of the header; an empty batch would be exactly this long. */
    public static final int RECORD_BATCH_OVERHEAD = RECORDS_OFFSET;
    /** The CRC covers the batch from here to its end. */
    public static final int CRC_COVERED_FROM = ATTRIBUTES_OFFSET;

    public static final byte MAGIC_V2 = 2;

    public static final int COMPRESSION_CODEC_MASK = 0x07;
    public static final int TIMESTAMP_TYPE_MASK = 0x08;
    public static final int TRANSACTIONAL_FLAG_MASK = 0x10;
    public static final int CONTROL_FLAG_MASK = 0x20;
    public static final int DELETE_HORIZON_FLAG_MASK = 0x40;

    /** Producer id, epoch and base sequence of a batch written without idempotence. */
    public static final long NO_PRODUCER_ID = -1L;
    public static final short NO_PRODUCER_EPOCH = -1;
    public static final int NO_SEQUENCE = -1;
    /** The partition leader epoch a producer writes; the broker fills in its own. */
    public static final int NO_PARTITION_LEADER_EPOCH = -1;
    /** A record without a timestamp (never written by the producer, accepted like Kafka does). */
    public static final long NO_TIMESTAMP = -1L;

    private RecordBatchDescriptor() {
    }

    // ---- reading fields ----

    public static long baseOffset(ByteBuffer buffer, int start) {
        return buffer.getLong(start + BASE_OFFSET_OFFSET);
    }

    /** The Length field: the bytes after it. The whole batch is {@code LOG_OVERHEAD + length}. */
    public static int length(ByteBuffer buffer, int start) {
        return buffer.getInt(start + LENGTH_OFFSET);
    }

    /** The size of the whole batch in bytes, from the Length field. */
    public static int sizeInBytes(ByteBuffer buffer, int start) {
        return LOG_OVERHEAD + length(buffer, start);
    }

    public static int partitionLeaderEpoch(ByteBuffer buffer, int start) {
        return buffer.getInt(start + PARTITION_LEADER_EPOCH_OFFSET);
    }

    public static byte magic(ByteBuffer buffer, int start) {
        return buffer.get(start + MAGIC_OFFSET);
    }

    /** The stored CRC as an unsigned value. */
    public static long storedCrc(ByteBuffer buffer, int start) {
        return Integer.toUnsignedLong(buffer.getInt(start + CRC_OFFSET));
    }

    public static short attributes(ByteBuffer buffer, int start) {
        return buffer.getShort(start + ATTRIBUTES_OFFSET);
    }

    public static int lastOffsetDelta(ByteBuffer buffer, int start) {
        return buffer.getInt(start + LAST_OFFSET_DELTA_OFFSET);
    }

    public static long baseTimestamp(ByteBuffer buffer, int start) {
        return buffer.getLong(start + BASE_TIMESTAMP_OFFSET);
    }

    public static long maxTimestamp(ByteBuffer buffer, int start) {
        return buffer.getLong(start + MAX_TIMESTAMP_OFFSET);
    }

    public static long producerId(ByteBuffer buffer, int start) {
        return buffer.getLong(start + PRODUCER_ID_OFFSET);
    }

    public static short producerEpoch(ByteBuffer buffer, int start) {
        return buffer.getShort(start + PRODUCER_EPOCH_OFFSET);
    }

    public static int baseSequence(ByteBuffer buffer, int start) {
        return buffer.getInt(start + BASE_SEQUENCE_OFFSET);
    }

    public static int recordsCount(ByteBuffer buffer, int start) {
        return buffer.getInt(start + RECORDS_COUNT_OFFSET);
    }

    // ---- attribute bits ----

    public static int codecId(short attributes) {
        return attributes & COMPRESSION_CODEC_MASK;
    }

    public static boolean isLogAppendTime(short attributes) {
        return (attributes & TIMESTAMP_TYPE_MASK) != 0;
    }

    public static boolean isTransactional(short attributes) {
        return (attributes & TRANSACTIONAL_FLAG_MASK) != 0;
    }

    public static boolean isControl(short attributes) {
        return (attributes & CONTROL_FLAG_MASK) != 0;
    }

    /** Attributes of a producer batch: CreateTime, not control, no delete horizon. */
    public static short producerAttributes(int codecId, boolean transactional) {
        if (codecId < 0 || codecId > COMPRESSION_CODEC_MASK) {
            throw new IllegalArgumentException("Codec id " + codecId + " does not fit the 3 codec bits of the batch"
                    + " attributes (0..7); Kafka defines 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd");
        }
        return (short) (codecId | (transactional ? TRANSACTIONAL_FLAG_MASK : 0));
    }

    // ---- sequences ----

    /** {@code sequence + increment}, wrapping past {@link Integer#MAX_VALUE} to 0 as brokers expect. */
    public static int incrementSequence(int sequence, int increment) {
        if (sequence > Integer.MAX_VALUE - increment) {
            return increment - (Integer.MAX_VALUE - sequence) - 1;
        }
        return sequence + increment;
    }

    /** The sequence of the batch's last record, or {@link #NO_SEQUENCE} if it has none. */
    public static int lastSequence(ByteBuffer buffer, int start) {
        int base = baseSequence(buffer, start);
        return base == NO_SEQUENCE ? NO_SEQUENCE : incrementSequence(base, lastOffsetDelta(buffer, start));
    }

    // ---- CRC ----

    /** CRC-32C over {@code [start + 21, start + sizeInBytes)}, the range the CRC field covers. */
    public static long computeCrc(ByteBuffer buffer, int start, int sizeInBytes) {
        ByteBuffer covered = buffer.duplicate();
        covered.limit(start + sizeInBytes).position(start + CRC_COVERED_FROM);
        CRC32C crc = new CRC32C();
        crc.update(covered);
        return crc.getValue();
    }

    /** Computes the CRC of the batch (size from its Length field) and stores it in the CRC field. */
    public static void writeCrc(ByteBuffer buffer, int start) {
        long crc = computeCrc(buffer, start, sizeInBytes(buffer, start));
        buffer.putInt(start + CRC_OFFSET, (int) crc);
    }

    // ---- writing ----

    /**
     * Writes the complete v2 header of a producer batch at {@code start} and its CRC. The records
     * section, {@code [start + 61, start + sizeInBytes)}, must already be in place.
     */
    public static void writeHeader(ByteBuffer buffer, int start, BatchHeader header) {
        buffer.putLong(start + BASE_OFFSET_OFFSET, 0L);
        buffer.putInt(start + LENGTH_OFFSET, header.sizeInBytes() - LOG_OVERHEAD);
        buffer.putInt(start + PARTITION_LEADER_EPOCH_OFFSET, NO_PARTITION_LEADER_EPOCH);
        buffer.put(start + MAGIC_OFFSET, MAGIC_V2);
        buffer.putShort(start + ATTRIBUTES_OFFSET, producerAttributes(header.codecId(), header.transactional()));
        buffer.putInt(start + LAST_OFFSET_DELTA_OFFSET, header.recordCount() - 1);
        buffer.putLong(start + BASE_TIMESTAMP_OFFSET, header.baseTimestamp());
        buffer.putLong(start + MAX_TIMESTAMP_OFFSET, header.maxTimestamp());
        buffer.putLong(start + PRODUCER_ID_OFFSET, header.producerId());
        buffer.putShort(start + PRODUCER_EPOCH_OFFSET, header.producerEpoch());
        buffer.putInt(start + BASE_SEQUENCE_OFFSET, header.baseSequence());
        buffer.putInt(start + RECORDS_COUNT_OFFSET, header.recordCount());
        writeCrc(buffer, start);
    }

    /**
     * Re-stamps the producer state of a finished batch in place and recomputes its CRC. The sender
     * calls it when a batch is first drained (to assign sequences) and after an epoch bump
     * (KIP-360: new epoch, sequences from 0). Records and their offsets are untouched.
     *
     * @throws IllegalArgumentException if the state is inconsistent (see {@link #checkProducerState})
     */
    public static void rewriteProducerState(ByteBuffer buffer, int start, long producerId, short producerEpoch,
                                            int baseSequence, boolean transactional) {
        checkProducerState(producerId, producerEpoch, baseSequence, transactional);
        short attributes = attributes(buffer, start);
        short updated = (short) (transactional
                ? attributes | TRANSACTIONAL_FLAG_MASK
                : attributes & ~TRANSACTIONAL_FLAG_MASK);
        buffer.putShort(start + ATTRIBUTES_OFFSET, updated);
        buffer.putLong(start + PRODUCER_ID_OFFSET, producerId);
        buffer.putShort(start + PRODUCER_EPOCH_OFFSET, producerEpoch);
        buffer.putInt(start + BASE_SEQUENCE_OFFSET, baseSequence);
        writeCrc(buffer, start);
    }

    /**
     * Kafka's rules for producer state in a batch: a transactional batch needs a producer id; a
     * batch with a producer id needs an epoch and a non-negative base sequence.
     */
    public static void checkProducerState(long producerId, short producerEpoch, int baseSequence,
                                          boolean transactional) {
        if (transactional && producerId == NO_PRODUCER_ID) {
            throw new IllegalArgumentException("A transactional batch needs a producer id, got " + producerId
                    + "; obtain one with InitProducerId before writing transactional batches");
        }
        if (producerId != NO_PRODUCER_ID) {
            if (producerEpoch < 0) {
                throw new IllegalArgumentException("Producer id " + producerId + " comes with invalid epoch "
                        + producerEpoch + "; the epoch from InitProducerId is >= 0");
            }
            if (baseSequence < 0) {
                throw new IllegalArgumentException("Producer id " + producerId + " comes with invalid base sequence "
                        + baseSequence + "; an idempotent batch needs a sequence >= 0");
            }
        }
    }
}
