package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Header;
import io.sluice.api.Headers;
import io.sluice.api.RecordHeader;
import io.sluice.api.RecordHeaders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.junit.jupiter.api.Test;

class RecordBatchBuilderTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final Header[] NO_HEADERS = new Header[0];

    @Test
    void shouldAlwaysAcceptTheFirstRecordEvenIfItExceedsTheWriteLimitAndThenReportFull() {
        byte[] big = new byte[5000];
        int capacity = RecordSizes.estimateBatchSizeUpperBound(-1, big.length, RecordSizes.EMPTY_HEADERS_SIZE);
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(capacity), 1024);

        assertThat(builder.tryAppend(T0, null, big, NO_HEADERS)).isEqualTo(0);
        assertThat(builder.isFull()).isTrue();
        assertThat(builder.tryAppend(T0, null, new byte[1], NO_HEADERS)).isEqualTo(RecordBatchBuilder.NO_ROOM);
        assertThat(builder.recordCount()).isEqualTo(1);
    }

    @Test
    void shouldHoldExactlyOneRecordPerBatchWhenBatchSizeIsZero() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(200), 0);

        assertThat(builder.tryAppend(T0, "k".getBytes(), "v".getBytes(), NO_HEADERS)).isEqualTo(0);
        assertThat(builder.tryAppend(T0, "k".getBytes(), "v".getBytes(), NO_HEADERS)).isEqualTo(RecordBatchBuilder.NO_ROOM);
    }

    @Test
    void shouldReturnConsecutiveOffsetDeltasThatReadersSeeAsOffsets() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(4096), 4096);
        for (int i = 0; i < 100; i++) {
            assertThat(builder.tryAppend(T0 + i, null, new byte[] {(byte) i}, NO_HEADERS)).isEqualTo(i);
        }
        ByteBuffer batch = builder.close(null);

        RecordBatchReader reader = new RecordBatchReader(batch, CompressorLookup.none());
        assertThat(reader.nextBatch()).isTrue();
        RecordCursor records = reader.records();
        for (int i = 0; i < 100; i++) {
            assertThat(records.next()).isTrue();
            assertThat(records.offset()).isEqualTo(i);
            assertThat(records.timestamp()).isEqualTo(T0 + i);
        }
        assertThat(records.next()).isFalse();
        MutableRecordBatch kafka = KafkaOracle.batches(batch).get(0);
        assertThat(kafka.lastOffset()).isEqualTo(99);
        assertThat(kafka.maxTimestamp()).isEqualTo(T0 + 99);
    }

    @Test
    void shouldTrackTimestampsAndSizes() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(4096), 4096);
        builder.tryAppend(T0, "a".getBytes(), "1".getBytes(), NO_HEADERS);
        builder.tryAppend(T0 + 500, "b".getBytes(), "2".getBytes(), NO_HEADERS);
        builder.tryAppend(T0 - 100, "c".getBytes(), "3".getBytes(), NO_HEADERS);
        int expectedRecords = RecordSizes.sizeOfRecord(0, 0, 1, 1, NO_HEADERS)
                + RecordSizes.sizeOfRecord(1, 500, 1, 1, NO_HEADERS)
                + RecordSizes.sizeOfRecord(2, -100, 1, 1, NO_HEADERS);

        assertThat(builder.baseTimestamp()).isEqualTo(T0);
        assertThat(builder.maxTimestamp()).isEqualTo(T0 + 500);
        assertThat(builder.estimatedSizeInBytes()).isEqualTo(61 + expectedRecords);
        assertThat(builder.uncompressedSizeInBytes()).isEqualTo(61 + expectedRecords);

        ByteBuffer batch = builder.close(null);
        assertThat(batch.position()).isZero();
        assertThat(batch.remaining()).isEqualTo(builder.sizeInBytes()).isEqualTo(61 + expectedRecords);
        assertThat(builder.compressionRatio()).isEqualTo(1.0f);
        assertThat(builder.codecId()).isZero();
    }

    @Test
    void shouldCompressWithTheCodecAndReportTheRatio() {
        BatchCompression gzip = new BatchCompression(new GzipTestCompressor(), 6);
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(64 * 1024), 16 * 1024, gzip, 1.0f);
        byte[] repetitive = "the same words again and again, ".repeat(10).getBytes();
        while (builder.tryAppend(T0, null, repetitive, NO_HEADERS) != RecordBatchBuilder.NO_ROOM) {
            assertThat(builder.codecId()).isEqualTo(1);
        }
        int uncompressed = builder.uncompressedSizeInBytes();

        ByteBuffer batch = builder.close(new CompressionScratch());

        assertThat(builder.codecId()).isEqualTo(1);
        assertThat(builder.sizeInBytes()).isLessThan(uncompressed / 4);
        assertThat(builder.compressionRatio()).isEqualTo((float) (builder.sizeInBytes() - 61) / (uncompressed - 61));
        assertThat(KafkaOracle.batches(batch).get(0).compressionType().id).isEqualTo((byte) 1);
        assertThat(KafkaOracle.read(batch)).hasSize(builder.recordCount());
    }

    @Test
    void shouldSendRecordsUncompressedWhenTheCompressedFormDoesNotFitTheBuffer() {
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        int capacity = RecordSizes.estimateBatchSizeUpperBound(-1, noise.length, 1);
        BatchCompression gzip = new BatchCompression(new GzipTestCompressor(), 1);
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(capacity), capacity, gzip, 1.0f);
        builder.tryAppend(T0, null, noise, NO_HEADERS);

        ByteBuffer batch = builder.close(new CompressionScratch());

        assertThat(builder.codecId()).isZero();
        assertThat(builder.compressionRatio()).isEqualTo(1.0f);
        assertThat(KafkaOracle.batches(batch).get(0).compressionType().id).isZero();
        assertThat(KafkaOracle.read(batch).get(0).value).isEqualTo(noise);
    }

    @Test
    void shouldRefuseAppendsAfterSealAndKeepTheSealedRecords() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(1024), 1024);
        builder.tryAppend(T0, null, "v".getBytes(), NO_HEADERS);
        builder.seal(null);
        builder.seal(null);

        assertThat(builder.isSealed()).isTrue();
        assertThat(builder.isFull()).isTrue();
        assertThat(builder.hasRoomFor(T0, -1, 1, 1)).isFalse();
        assertThat(builder.tryAppend(T0, null, "v".getBytes(), NO_HEADERS)).isEqualTo(RecordBatchBuilder.NO_ROOM);
        assertThat(KafkaOracle.read(builder.close(null))).hasSize(1);
    }

    @Test
    void shouldWriteFromTheBuffersPositionWithoutMovingItsPositionOrLimit() {
        ByteBuffer buffer = ByteBuffer.allocate(1000).position(100).limit(900);
        RecordBatchBuilder builder = new RecordBatchBuilder(buffer, 800);
        builder.tryAppend(T0, "k".getBytes(), "v".getBytes(), NO_HEADERS);
        ByteBuffer batch = builder.close(null);

        assertThat(buffer.position()).isEqualTo(100);
        assertThat(buffer.limit()).isEqualTo(900);
        assertThat(buffer.duplicate().position(100).limit(100 + batch.remaining())).isEqualTo(batch);
        assertThat(builder.finishedBatch()).isEqualTo(batch).isNotSameAs(batch);
    }

    @Test
    void shouldWriteByteBufferKeysAndValuesLikeArraysWithoutMovingThem() {
        byte[] key = "key".getBytes();
        byte[] value = "value-bytes".getBytes();
        ByteBuffer directValue = ByteBuffer.allocateDirect(value.length + 4).position(2);
        directValue.put(value).flip().position(2);
        ByteBuffer heapKey = ByteBuffer.wrap(("xx" + "key" + "yy").getBytes()).position(2).limit(5);
        Header[] headers = {new RecordHeader("h", "1".getBytes())};

        RecordBatchBuilder fromArrays = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        fromArrays.tryAppend(T0, key, value, headers);
        fromArrays.tryAppend(T0, null, (byte[]) null, headers);
        RecordBatchBuilder fromBuffers = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        fromBuffers.tryAppend(T0, heapKey, directValue, headers);
        fromBuffers.tryAppend(T0, null, (ByteBuffer) null, headers);

        assertThat(fromBuffers.close(null)).isEqualTo(fromArrays.close(null));
        assertThat(heapKey.position()).isEqualTo(2);
        assertThat(directValue.position()).isEqualTo(2);
    }

    @Test
    void shouldWriteHeadersTheSameFromArraysRecordHeadersAndOtherHeaders() {
        Header[] array = {new RecordHeader("a", "1".getBytes()), new RecordHeader("ü", null)};
        RecordHeaders recordHeaders = new RecordHeaders(array);
        Headers otherHeaders = new IterableOnlyHeaders(List.of(array));

        ByteBuffer a = batchWith(b -> b.tryAppend(T0, null, "v".getBytes(), array));
        ByteBuffer r = batchWith(b -> b.tryAppend(T0, null, "v".getBytes(), recordHeaders));
        ByteBuffer o = batchWith(b -> b.tryAppend(T0, null, ByteBuffer.wrap("v".getBytes()), otherHeaders));

        assertThat(r).isEqualTo(a);
        assertThat(o).isEqualTo(a);
        assertThat(KafkaOracle.read(a).get(0).headers).containsExactly(array);
    }

    @Test
    void shouldTreatNullHeadersAsNone() {
        ByteBuffer withNull = batchWith(b -> b.tryAppend(T0, null, "v".getBytes(), (Header[]) null));
        ByteBuffer withEmpty = batchWith(b -> b.tryAppend(T0, null, "v".getBytes(), NO_HEADERS));
        assertThat(withNull).isEqualTo(withEmpty);
    }

    @Test
    void shouldRejectANegativeTimestampOtherThanNoTimestamp() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        assertThatThrownBy(() -> builder.tryAppend(-2L, null, "v".getBytes(), NO_HEADERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid record timestamp -2");
        assertThat(builder.recordCount()).isZero();
    }

    @Test
    void shouldRejectAHeaderWithANullKey() {
        Header nullKey = new Header() {
            public String key() {
                return null;
            }

            public byte[] value() {
                return new byte[0];
            }
        };
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        assertThatThrownBy(() -> builder.tryAppend(T0, null, "v".getBytes(), new Header[] {nullKey}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null key");
    }

    @Test
    void shouldExplainAFirstRecordThatCannotFitTheBuffer() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(100), 16384);
        assertThatThrownBy(() -> builder.tryAppend(T0, null, new byte[200], NO_HEADERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit the batch buffer of 100 bytes")
                .hasMessageContaining("estimateBatchSizeUpperBound");
    }

    @Test
    void shouldRefuseToCloseAnEmptyBatchOrTwice() {
        RecordBatchBuilder empty = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        assertThatThrownBy(() -> empty.close(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty batch");

        RecordBatchBuilder once = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        once.tryAppend(T0, null, "v".getBytes(), NO_HEADERS);
        once.close(null);
        assertThatThrownBy(() -> once.close(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rewriteProducerState");
    }

    @Test
    void shouldRefuseInconsistentProducerStateLikeKafka() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        builder.tryAppend(T0, null, "v".getBytes(), NO_HEADERS);

        assertThatThrownBy(() -> builder.close(null, -1L, (short) -1, -1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactional batch needs a producer id");
        assertThatThrownBy(() -> builder.close(null, 5L, (short) -1, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid epoch -1");
        assertThatThrownBy(() -> builder.close(null, 5L, (short) 0, -1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid base sequence -1");
        assertThat(builder.isClosed()).isFalse();
    }

    @Test
    void shouldSizeCompressedBuffersFromTheEstimatedRatio() {
        assertThat(RecordBatchBuilder.bufferSizeFor(16384, 1.0f)).isBetween(16384, 16384 + 16);
        assertThat(RecordBatchBuilder.bufferSizeFor(16384, 2.0f)).isBetween(16384, 16384 + 16);
        int quarter = RecordBatchBuilder.bufferSizeFor(16384, 0.25f);
        assertThat(quarter).isBetween(61 + (int) ((16384 - 61) / (0.25 * 1.05)), 61 + (int) ((16384 - 61) / (0.25 * 1.05)) + 16);
    }

    private static ByteBuffer batchWith(java.util.function.Consumer<RecordBatchBuilder> append) {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        append.accept(builder);
        return builder.close(null);
    }

    /** A {@link Headers} that is not a {@link RecordHeaders}: the builder must iterate it. */
    private static final class IterableOnlyHeaders implements Headers {
        private final List<Header> headers;

        IterableOnlyHeaders(List<Header> headers) {
            this.headers = new ArrayList<>(headers);
        }

        public Headers add(Header header) {
            throw new UnsupportedOperationException();
        }

        public Headers add(String key, byte[] value) {
            throw new UnsupportedOperationException();
        }

        public Headers remove(String key) {
            throw new UnsupportedOperationException();
        }

        public Header lastHeader(String key) {
            throw new UnsupportedOperationException();
        }

        public Iterable<Header> headers(String key) {
            throw new UnsupportedOperationException();
        }

        public Header[] toArray() {
            throw new UnsupportedOperationException();
        }

        public int size() {
            return headers.size();
        }

        public Iterator<Header> iterator() {
            return headers.iterator();
        }
    }
}
