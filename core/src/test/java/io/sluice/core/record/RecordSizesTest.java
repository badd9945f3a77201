package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Header;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.DefaultRecord;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.Test;

class RecordSizesTest {

    @Property(tries = 500)
    void shouldSizeARecordExactlyAsKafkaDoes(@ForAll("records") TestRecord r,
                                             @ForAll @IntRange(min = 0) int offsetDelta,
                                             @ForAll long timestampDelta) {
        int kafka = DefaultRecord.sizeInBytes(offsetDelta, timestampDelta, r.keySize(), r.valueSize(), r.kafkaHeaders());

        assertThat(RecordSizes.sizeOfRecord(offsetDelta, timestampDelta, r.keySize(), r.valueSize(), r.headerArray()))
                .isEqualTo(kafka);
    }

    @Property(tries = 500)
    void shouldBoundAOneRecordBatchAsKafkaDoes(@ForAll("records") TestRecord r) {
        int kafka = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.MAGIC_VALUE_V2, CompressionType.NONE,
                r.key, r.value, r.kafkaHeaders());

        assertThat(RecordSizes.estimateBatchSizeUpperBound(r.keySize(), r.valueSize(),
                RecordSizes.sizeOfHeaders(r.headerArray()))).isEqualTo(kafka);
    }

    @Property(tries = 200)
    void shouldBoundTheActualOneRecordBatch(@ForAll("records") TestRecord r) {
        int bound = RecordSizes.estimateBatchSizeUpperBound(r.keySize(), r.valueSize(),
                RecordSizes.sizeOfHeaders(r.headerArray()));
        assertThat(SluiceBatches.write(List.of(r)).remaining()).isLessThanOrEqualTo(bound);
    }

    @Property(tries = 1000)
    void shouldCountAndEncodeUtf8LikeTheJdkEvenForLoneSurrogates(@ForAll String s) {
        byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer ours = ByteBuffer.allocate(jdk.length + 8);
        RecordEncoder.writeUtf8(ours, s);

        assertThat(RecordSizes.utf8Length(s)).isEqualTo(jdk.length);
        assertThat(ours.flip()).isEqualTo(ByteBuffer.wrap(jdk));
    }

    @Test
    void shouldEncodeEdgeCasesOfUtf8() {
        for (String s : new String[] {"", "a", "\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "😀", "\ud83d",
                "\ude00", "a\ud83db", "\ude00\ud83d", "€uro"}) {
            byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
            ByteBuffer ours = ByteBuffer.allocate(jdk.length);
            RecordEncoder.writeUtf8(ours, s);
            assertThat(ours.array()).as("encoding of %s", s).isEqualTo(jdk);
            assertThat(RecordSizes.utf8Length(s)).isEqualTo(jdk.length);
        }
    }

    @Test
    void shouldCountAnEmptyOrNullHeaderSectionAsOneByte() {
        assertThat(RecordSizes.sizeOfHeaders((Header[]) null)).isEqualTo(1);
        assertThat(RecordSizes.sizeOfHeaders(new Header[0])).isEqualTo(1);
        assertThat(RecordSizes.sizeOfHeaders((io.sluice.api.Headers) null)).isEqualTo(1);
    }

    @Provide
    Arbitrary<TestRecord> records() {
        return TestRecordArbitraries.records();
    }
}
