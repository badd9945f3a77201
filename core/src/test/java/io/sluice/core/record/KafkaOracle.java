package io.sluice.core.record;

import io.sluice.api.Header;
import io.sluice.api.RecordHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * The official client (kafka-clients 4.4.0, test scope) as the oracle: writes batches with its
 * {@code MemoryRecordsBuilder} and reads them with {@code MemoryRecords}, validating CRCs with
 * {@code ensureValid()}. Kafka 4.4 keeps these classes in {@code ...record.internal}; all use of
 * that internal API is isolated here. Stateless.
 */
final class KafkaOracle {

    private KafkaOracle() {
    }

    static MemoryRecordsBuilder builder(ByteBuffer buffer, Compression compression, ProducerState state) {
        return MemoryRecords.builder(buffer, RecordBatch.MAGIC_VALUE_V2, compression, TimestampType.CREATE_TIME, 0L,
                RecordBatch.NO_TIMESTAMP, state.producerId(), state.epoch(), state.baseSequence(),
                state.transactional(), RecordBatch.NO_PARTITION_LEADER_EPOCH);
    }

    /** One batch written by Kafka, as the bytes it would send. */
    static ByteBuffer write(List<TestRecord> records, Compression compression, ProducerState state) {
        MemoryRecordsBuilder builder = builder(ByteBuffer.allocate(1024), compression, state);
        for (TestRecord r : records) {
            builder.append(r.timestamp, r.key, r.value, r.kafkaHeaders());
        }
        return builder.build().buffer();
    }

    /** A batch as a broker stores it: at {@code baseOffset}, stamped with LogAppendTime. */
    static ByteBuffer writeAsBroker(List<TestRecord> records, long baseOffset, long logAppendTime) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1024), RecordBatch.MAGIC_VALUE_V2,
                Compression.NONE, TimestampType.LOG_APPEND_TIME, baseOffset, logAppendTime, RecordBatch.NO_PRODUCER_ID,
                RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE, false, 17);
        for (TestRecord r : records) {
            builder.append(r.timestamp, r.key, r.value, r.kafkaHeaders());
        }
        return builder.build().buffer();
    }

    /** A transaction marker (control batch) as the coordinator writes it. */
    static ByteBuffer commitMarker(long offset, long timestamp, long producerId, short epoch) {
        return MemoryRecords.withEndTransactionMarker(offset, timestamp, RecordBatch.NO_PARTITION_LEADER_EPOCH,
                producerId, epoch, new EndTransactionMarker(ControlRecordType.COMMIT, 0)).buffer();
    }

    /** Every record, read by Kafka; every batch must pass Kafka's CRC and size checks. */
    static List<TestRecord> read(ByteBuffer bytes) {
        List<TestRecord> records = new ArrayList<>();
        for (MutableRecordBatch batch : MemoryRecords.readableRecords(bytes.duplicate()).batches()) {
            batch.ensureValid();
            for (Record r : batch) {
                records.add(new TestRecord(r.timestamp(), copy(r.key()), copy(r.value()), headers(r)));
            }
        }
        return records;
    }

    /** The batches' header fields as Kafka reads them, after its CRC check. */
    static List<MutableRecordBatch> batches(ByteBuffer bytes) {
        List<MutableRecordBatch> batches = new ArrayList<>();
        for (MutableRecordBatch batch : MemoryRecords.readableRecords(bytes.duplicate()).batches()) {
            batch.ensureValid();
            batches.add(batch);
        }
        return batches;
    }

    private static List<Header> headers(Record r) {
        List<Header> headers = new ArrayList<>();
        for (org.apache.kafka.common.header.Header h : r.headers()) {
            headers.add(new RecordHeader(h.key(), h.value()));
        }
        return headers;
    }

    private static byte[] copy(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return bytes;
    }
}
