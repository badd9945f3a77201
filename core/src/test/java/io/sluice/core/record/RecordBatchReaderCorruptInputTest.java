package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.spi.Compressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.compress.Compression;
import org.junit.jupiter.api.Test;

/** Damaged bytes end in a clear exception naming the batch, never in a loop or an OutOfMemoryError. */
class RecordBatchReaderCorruptInputTest {

    private static final long T0 = 1_700_000_000_000L;

    private static ByteBuffer validBatch() {
        return SluiceBatches.write(List.of(TestRecord.of(T0, "key", "value"), TestRecord.of(T0 + 1, "k2", "v2")));
    }

    /** Changes a record byte and re-stamps the CRC, so the damage gets past the CRC check. */
    private static ByteBuffer withRecordByte(int recordsIndex, int value) {
        ByteBuffer batch = copy(validBatch());
        batch.put(RecordBatchDescriptor.RECORDS_OFFSET + recordsIndex, (byte) value);
        RecordBatchDescriptor.writeCrc(batch, 0);
        return batch;
    }

    private static List<TestRecord> read(ByteBuffer bytes) {
        return SluiceBatches.read(bytes, SluiceBatches.GZIP);
    }

    @Test
    void shouldNameTheBatchAndBothCrcsWhenTheCrcDoesNotMatch() {
        ByteBuffer batch = copy(validBatch());
        batch.putLong(0, 1234L); // base offset is outside the CRC: the batch stays valid ...
        long stored = RecordBatchDescriptor.storedCrc(batch, 0);
        batch.put(batch.limit() - 1, (byte) (batch.get(batch.limit() - 1) ^ 0x01)); // ... this is not
        long computed = RecordBatchDescriptor.computeCrc(batch, 0, batch.limit());

        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("The batch at offset 1234 (position 0)")
                .hasMessageContaining("stored 0x" + Long.toHexString(stored))
                .hasMessageContaining("computed 0x" + Long.toHexString(computed));
    }

    @Test
    void shouldReportATruncatedBatch() {
        ByteBuffer batch = validBatch();
        ByteBuffer truncated = copy(batch).limit(batch.remaining() - 3);
        assertThatThrownBy(() -> read(truncated))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("is truncated")
                .hasMessageContaining("only " + (batch.remaining() - 3 - 12) + " remain");
    }

    @Test
    void shouldReportBytesTooFewForABatchPrefix() {
        assertThatThrownBy(() -> read(ByteBuffer.wrap(new byte[7])))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("7 bytes remain");
    }

    @Test
    void shouldReportALengthFieldLargerThanTheBytesLeft() {
        ByteBuffer batch = copy(validBatch());
        batch.putInt(RecordBatchDescriptor.LENGTH_OFFSET, Integer.MAX_VALUE);
        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("length field says 2147483647 bytes follow");
    }

    @Test
    void shouldReportANegativeOrTooSmallLengthField() {
        ByteBuffer batch = copy(validBatch());
        batch.putInt(RecordBatchDescriptor.LENGTH_OFFSET, -5);
        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("length field is -5");
    }

    @Test
    void shouldRefuseOtherMagicValues() {
        ByteBuffer batch = copy(validBatch());
        batch.put(RecordBatchDescriptor.MAGIC_OFFSET, (byte) 1);
        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("has magic 1");
    }

    @Test
    void shouldReportANegativeRecordLength() {
        // first record: varint length at records index 0; zig-zag 0x03 = -2
        assertThatThrownBy(() -> read(withRecordByte(0, 0x03)))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("record 0 declares a length of -2 bytes");
    }

    @Test
    void shouldReportAKeyLengthBelowMinusOneOrPastTheRecord() {
        // record 0: [len][attr][tsDelta][offDelta][keyLen]...: keyLen at records index 4
        assertThatThrownBy(() -> read(withRecordByte(4, 0x05))) // -3
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("record 0 declares a key of -3 bytes");
        assertThatThrownBy(() -> read(withRecordByte(4, 0x7e))) // 63
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("record 0 declares a key of 63 bytes");
    }

    @Test
    void shouldReportMoreDeclaredRecordsThanTheBatchHolds() {
        ByteBuffer batch = copy(validBatch());
        batch.putInt(RecordBatchDescriptor.RECORDS_COUNT_OFFSET, 3);
        RecordBatchDescriptor.writeCrc(batch, 0);
        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("declares 3 records but its bytes end after 2");
    }

    @Test
    void shouldReportFewerDeclaredRecordsThanTheBatchHolds() {
        ByteBuffer batch = copy(validBatch());
        batch.putInt(RecordBatchDescriptor.RECORDS_COUNT_OFFSET, 1);
        RecordBatchDescriptor.writeCrc(batch, 0);
        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("declares 1 records but")
                .hasMessageContaining("bytes remain after the last one");
    }

    @Test
    void shouldReportANegativeRecordCount() {
        ByteBuffer batch = copy(validBatch());
        batch.putInt(RecordBatchDescriptor.RECORDS_COUNT_OFFSET, -1);
        RecordBatchDescriptor.writeCrc(batch, 0);
        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("declares -1 records");
    }

    @Test
    void shouldNameTheMissingCodecModule() {
        ByteBuffer gzip = KafkaOracle.write(List.of(TestRecord.of(T0, "k", "v")), Compression.gzip().build(),
                ProducerState.NONE);
        gzip.putLong(0, 77L);
        RecordBatchReader reader = new RecordBatchReader(gzip, CompressorLookup.none());
        assertThat(reader.nextBatch()).isTrue();
        assertThatThrownBy(reader::records)
                .isInstanceOf(UnsupportedCodecException.class)
                .hasMessage("The batch at offset 77 (position 0) uses gzip (id 1) but no Compressor for id 1 is"
                        + " available; add io.sluice:sluice-codec-gzip");

        ByteBuffer zstd = copy(gzip);
        zstd.putShort(RecordBatchDescriptor.ATTRIBUTES_OFFSET, (short) 4);
        RecordBatchDescriptor.writeCrc(zstd, 0);
        RecordBatchReader zstdReader = new RecordBatchReader(zstd, CompressorLookup.none());
        zstdReader.nextBatch();
        assertThatThrownBy(zstdReader::records)
                .isInstanceOf(UnsupportedCodecException.class)
                .hasMessageContaining("uses zstd (id 4) but no Compressor for id 4 is available; add io.sluice:sluice-codec-zstd");
    }

    @Test
    void shouldReportCompressedBytesTheCodecCannotRead() {
        ByteBuffer batch = copy(KafkaOracle.write(List.of(TestRecord.of(T0, "k", "v")), Compression.gzip().build(),
                ProducerState.NONE));
        batch.put(RecordBatchDescriptor.RECORDS_OFFSET, (byte) 0x00); // gzip magic broken
        RecordBatchDescriptor.writeCrc(batch, 0);
        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("decompressing its gzip records (id 1) failed");
    }

    @Test
    void shouldStopDecompressingAtTheLimitInsteadOfExhaustingMemory() {
        ByteBuffer bomb = SluiceBatches.write(List.of(new TestRecord(T0, null, new byte[1_000_000], List.of())),
                BatchCompression.of(new GzipTestCompressor()), ProducerState.NONE, false);
        assertThat(bomb.remaining()).isLessThan(10_000);
        RecordBatchReader reader = new RecordBatchReader(bomb, SluiceBatches.GZIP, 100_000);
        reader.nextBatch();
        assertThatThrownBy(reader::records)
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("decompresses (gzip) to more than 100000 bytes");
    }

    @Test
    void shouldWrapACodecThatThrowsUnexpectedly() {
        Compressor failing = new Compressor() {
            public String name() {
                return "failing-gzip";
            }

            public byte id() {
                return 1;
            }

            public OutputStream compress(OutputStream out, int level) {
                throw new UnsupportedOperationException();
            }

            public InputStream decompress(InputStream in) throws IOException {
                throw new IOException("native library failed");
            }
        };
        ByteBuffer batch = KafkaOracle.write(List.of(TestRecord.of(T0, "k", "v")), Compression.gzip().build(),
                ProducerState.NONE);
        assertThatThrownBy(() -> SluiceBatches.read(batch, CompressorLookup.of(failing)))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("native library failed");
    }

    /** Any truncation of a valid log, and any single damaged byte, gives data or a clear exception. */
    @Property(tries = 500)
    void shouldNeverFailOtherwiseOnTruncatedOrDamagedInput(@ForAll @IntRange(min = 0, max = 2000) int cut,
                                                          @ForAll @IntRange(min = 0, max = 2000) int damageAt,
                                                          @ForAll byte damage, @ForAll boolean fixCrc,
                                                          @ForAll boolean gzip) {
        List<TestRecord> records = List.of(TestRecord.of(T0, "key", "value".repeat(20)), TestRecord.of(T0 + 5, null, "v"),
                new TestRecord(T0 - 3, new byte[0], null, List.of(new io.sluice.api.RecordHeader("h", null))));
        ByteBuffer bytes = copy(SluiceBatches.write(records,
                gzip ? BatchCompression.of(new GzipTestCompressor()) : BatchCompression.NONE, ProducerState.NONE, false));
        if (damageAt < bytes.limit()) {
            bytes.put(damageAt, (byte) (bytes.get(damageAt) ^ (damage == 0 ? 1 : damage)));
            if (fixCrc && bytes.limit() >= RecordBatchDescriptor.RECORDS_OFFSET
                    && RecordBatchDescriptor.length(bytes, 0) == bytes.limit() - 12) {
                RecordBatchDescriptor.writeCrc(bytes, 0);
            }
        }
        bytes.limit(Math.min(bytes.limit(), cut));

        try {
            read(bytes);
        } catch (CorruptBatchException | UnsupportedCodecException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer copy = ByteBuffer.allocate(b.remaining());
        copy.put(b.duplicate()).flip();
        return copy;
    }
}
