package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Header;
import io.sluice.api.RecordHeader;
import io.sluice.api.RecordHeaders;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims: a {@code BufferSerializer} writes key and value straight into the batch. */
class RecordBatchBuilderClaimTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final Header[] HEADERS = {new RecordHeader("h", "x".getBytes())};

    @Test
    void shouldWriteTheSameBytesAsAnAppendOfArrays() {
        RecordBatchBuilder appended = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        appended.tryAppend(T0, "key".getBytes(), "value".getBytes(), HEADERS);
        appended.tryAppend(T0 + 1, null, new byte[0], HEADERS);
        appended.tryAppend(T0 + 2, new byte[0], null, HEADERS);

        RecordBatchBuilder claimed = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        assertThat(claimed.tryClaim(T0, 3, 5, HEADERS)).isEqualTo(0);
        claimed.keyTarget().put("key".getBytes());
        claimed.valueTarget().put("value".getBytes());
        assertThat(claimed.commitClaim()).isEqualTo(0);
        assertThat(claimed.tryClaim(T0 + 1, -1, 0, new RecordHeaders(HEADERS))).isEqualTo(1);
        assertThat(claimed.keyTarget()).isNull();
        assertThat(claimed.valueTarget().remaining()).isZero();
        assertThat(claimed.commitClaim()).isEqualTo(1);
        assertThat(claimed.tryClaim(T0 + 2, 0, -1, HEADERS)).isEqualTo(2);
        assertThat(claimed.valueTarget()).isNull();
        assertThat(claimed.commitClaim()).isEqualTo(2);

        assertThat(claimed.close(null)).isEqualTo(appended.close(null));
    }

    @Test
    void shouldDropARecordWhoseSerializerWroteLessThanItAnnounced() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        builder.tryClaim(T0, -1, 10, HEADERS);
        builder.valueTarget().put(new byte[8]);

        assertThatThrownBy(builder::commitClaim)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The value serializer announced 10 bytes but wrote 8");
        assertThat(builder.recordCount()).isZero();

        builder.tryAppend(T0, null, "ok".getBytes(), HEADERS);
        assertThat(KafkaOracle.read(builder.close(null)))
                .containsExactly(new TestRecord(T0, null, "ok".getBytes(), List.of(HEADERS)));
    }

    @Test
    void shouldKeepAnOverflowingSerializerInsideItsField() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        builder.tryAppend(T0, null, "first".getBytes(), HEADERS);
        builder.tryClaim(T0, 2, -1, HEADERS);

        assertThatThrownBy(() -> builder.keyTarget().put(new byte[3])).isInstanceOf(BufferOverflowException.class);
        builder.abortClaim();

        assertThat(builder.recordCount()).isEqualTo(1);
        assertThat(KafkaOracle.read(builder.close(null))).hasSize(1);
    }

    @Test
    void shouldRefuseOtherAppendsWhileAClaimIsPending() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        builder.tryClaim(T0, -1, -1, HEADERS);

        assertThatThrownBy(() -> builder.tryAppend(T0, null, (byte[]) null, HEADERS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("claimed record is pending");
        assertThatThrownBy(() -> builder.seal(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("claimed record is pending");
        builder.commitClaim();
        assertThat(builder.recordCount()).isEqualTo(1);
    }

    @Test
    void shouldRefuseClaimOperationsWithoutAClaim() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(512), 512);
        assertThatThrownBy(builder::commitClaim).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No record is claimed");
        assertThatThrownBy(builder::keyTarget).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.tryClaim(T0, -2, 0, HEADERS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReturnNoRoomForAClaimThatDoesNotFit() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(200), 200);
        builder.tryAppend(T0, null, new byte[50], HEADERS);
        assertThat(builder.tryClaim(T0, -1, 150, HEADERS)).isEqualTo(RecordBatchBuilder.NO_ROOM);
        assertThat(builder.tryAppend(T0, null, new byte[10], HEADERS)).isEqualTo(1);
    }

    @Test
    void shouldDropARecordWhoseHeadersChangedWhileItWasAppended() {
        Header shifty = new Header() {
            private int calls;

            public String key() {
                return "k";
            }

            public byte[] value() {
                return new byte[calls++ == 0 ? 1 : 100];
            }
        };
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(1024), 1024);

        assertThatThrownBy(() -> builder.tryAppend(T0, null, "v".getBytes(), new Header[] {shifty}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed while it was appended");
        assertThat(builder.recordCount()).isZero();
        builder.tryAppend(T0, null, "v".getBytes(), HEADERS);
        assertThat(KafkaOracle.read(builder.close(null))).hasSize(1);
    }
}
