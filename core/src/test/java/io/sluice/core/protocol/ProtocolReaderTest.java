package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.junit.jupiter.api.Test;

/** The primitives, classic (Produce v3) and flexible (Produce v9), good and bad bytes. */
class ProtocolReaderTest {

    private static final short CLASSIC = 3;
    private static final short FLEXIBLE = 9;

    private static ProtocolReader reader(short version, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ProtocolReader(ByteBuffer.wrap(b), ApiKeys.PRODUCE, version);
    }

    private static ProtocolReader reader(short version, ByteBuffer bytes) {
        return new ProtocolReader(bytes, ApiKeys.PRODUCE, version);
    }

    @Test
    void shouldReadFixedSizeFieldsBigEndian() {
        ProtocolReader in = reader(CLASSIC, 1, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 4, 0);
        assertThat(in.int8("a")).isEqualTo((byte) 1);
        assertThat(in.int16("b")).isEqualTo((short) 2);
        assertThat(in.int32("c")).isEqualTo(3);
        assertThat(in.int64("d")).isEqualTo(4L);
        assertThat(in.bool("e")).isFalse();
        in.expectEnd();
    }

    @Test
    void shouldReadStringsArraysAndUuidsWrittenByKafka() {
        ByteBuffer buf = ByteBuffer.allocate(200);
        ByteBufferAccessor kafka = new ByteBufferAccessor(buf);
        byte[] name = "événement".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        kafka.writeUnsignedVarint(name.length + 1);
        kafka.writeByteArray(name);
        kafka.writeUnsignedVarint(0); // null compact string
        kafka.writeUnsignedVarint(3); // compact array of 2 int32
        kafka.writeInt(7);
        kafka.writeInt(-8);
        kafka.writeUnsignedVarint(0); // null compact array
        kafka.writeLong(0x0102030405060708L);
        kafka.writeLong(0x1112131415161718L);
        buf.flip();
        ProtocolReader in = reader(FLEXIBLE, buf);
        assertThat(in.string("s")).isEqualTo("événement");
        assertThat(in.nullableString("n")).isNull();
        assertThat(in.int32Array("a")).containsExactly(7, -8);
        assertThat(in.nullableArrayLength(4, "na")).isEqualTo(-1);
        assertThat(in.uuid("id")).isEqualTo(new UUID(0x0102030405060708L, 0x1112131415161718L));
        in.expectEnd();
    }

    @Test
    void shouldReadClassicStringsAndArraysWithNulls() {
        ProtocolReader in = reader(CLASSIC, 0, 2, 'h', 'i', 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);
        assertThat(in.string("s")).isEqualTo("hi");
        assertThat(in.nullableString("n")).isNull();
        assertThat(in.nullableArrayLength(1, "na")).isEqualTo(-1);
        assertThat(in.arrayLength(1, "a")).isZero();
        in.expectEnd();
    }

    @Test
    void shouldReportATruncatedFieldWithNameOffsetAndSizes() {
        ProtocolReader in = reader(CLASSIC, 0, 0, 0, 1, 0, 0);
        in.int32("first");
        assertThatThrownBy(() -> in.int32("throttle_time_ms"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Produce v3 response")
                .hasMessageContaining("throttle_time_ms needs 4 bytes, but only 2 remain")
                .hasMessageContaining("at byte 4 of the frame");
    }

    @Test
    void shouldRejectAnAbsurdClassicArrayLengthBeforeAllocating() {
        ProtocolReader in = reader(CLASSIC, 0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 1);
        assertThatThrownBy(() -> in.int32Array("replica_nodes"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("replica_nodes declares 2147483647 elements (at least 8589934588 bytes), but only 4 bytes remain");
    }

    @Test
    void shouldRejectAnAbsurdCompactArrayLengthBeforeAllocating() {
        // unsigned varint 0xFFFFFFFF: length+1 = 2^32-1, the largest a 5-byte varint holds
        ProtocolReader in = reader(FLEXIBLE, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2);
        assertThatThrownBy(() -> in.arrayLength(1, "topics"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("topics declares 4294967294 elements");
    }

    @Test
    void shouldRejectANegativeArrayLengthOtherThanNull() {
        assertThatThrownBy(() -> reader(CLASSIC, 0xff, 0xff, 0xff, 0xfe).nullableArrayLength(1, "topics"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("negative array length -2");
    }

    @Test
    void shouldRejectANullArrayWhereTheProtocolForbidsIt() {
        assertThatThrownBy(() -> reader(CLASSIC, 0xff, 0xff, 0xff, 0xff).arrayLength(1, "brokers"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("brokers is a null array");
        assertThatThrownBy(() -> reader(FLEXIBLE, 0).arrayLength(1, "brokers"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("brokers is a null array");
    }

    @Test
    void shouldRejectANullOrNegativeStringWhereTheProtocolForbidsIt() {
        assertThatThrownBy(() -> reader(CLASSIC, 0xff, 0xff).string("host"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("host is null");
        assertThatThrownBy(() -> reader(CLASSIC, 0xff, 0xfe).nullableString("rack"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("negative string length -2");
        assertThatThrownBy(() -> reader(FLEXIBLE, 0).string("host"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("host is null");
    }

    @Test
    void shouldRejectAStringLongerThanTheFrame() {
        assertThatThrownBy(() -> reader(CLASSIC, 0x7f, 0xff, 'a', 'b').string("host"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("host is a string of 32767 bytes, but only 2 remain");
        assertThatThrownBy(() -> reader(FLEXIBLE, 0xff, 0xff, 0xff, 0xff, 0x07, 'a').string("host"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Kafka strings hold at most 32767 bytes");
    }

    @Test
    void shouldRejectAVarintThatIsCutOffOrTooLong() {
        assertThatThrownBy(() -> reader(FLEXIBLE, 0x80, 0x80).uvarint("count"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("count is an unsigned varint cut off");
        assertThatThrownBy(() -> reader(FLEXIBLE, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).uvarint("count"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("longer than 5 bytes");
    }

    @Test
    void shouldSkipUnknownTaggedFieldsAndFenceKnownOnes() {
        // two tagged fields: tag 5 with 3 bytes, tag 0 with an int32
        ProtocolReader in = reader(FLEXIBLE, 2, 5, 3, 9, 9, 9, 0, 4, 0, 0, 1, 0, 0x42);
        int count = in.taggedFieldCount("tags");
        assertThat(count).isEqualTo(2);
        int value = -1;
        for (int i = 0; i < count; i++) {
            int tag = in.taggedFieldTag("tags");
            int saved = in.beginTaggedField("tags");
            if (tag == 0) {
                value = in.int32("known");
            } else {
                in.skipRest();
            }
            in.endTaggedField(saved, "tags");
        }
        assertThat(value).isEqualTo(256);
        assertThat(in.int8("after")).isEqualTo((byte) 0x42);
    }

    @Test
    void shouldNotLetAKnownTaggedFieldReadPastItsDeclaredSize() {
        ProtocolReader in = reader(FLEXIBLE, 1, 0, 2, 0, 0, 0, 1);
        in.taggedFieldCount("tags");
        in.taggedFieldTag("tags");
        in.beginTaggedField("tags");
        assertThatThrownBy(() -> in.int32("current_leader"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("needs 4 bytes, but only 2 remain");
    }

    @Test
    void shouldRejectLeftOverBytesInsideAKnownTaggedField() {
        ProtocolReader in = reader(FLEXIBLE, 1, 0, 5, 0, 0, 0, 1, 7);
        in.taggedFieldCount("tags");
        in.taggedFieldTag("tags");
        int saved = in.beginTaggedField("tags");
        in.int32("known");
        assertThatThrownBy(() -> in.endTaggedField(saved, "tags"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("1 bytes left over inside a tagged field");
    }

    @Test
    void shouldRejectATaggedFieldLargerThanTheFrame() {
        assertThatThrownBy(() -> reader(FLEXIBLE, 1, 0, 0x7f, 1).skipTaggedFields("tags"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("tagged field of 127 bytes, but only 1 remain");
        assertThatThrownBy(() -> reader(FLEXIBLE, 0x7f, 0, 0).skipTaggedFields("tags"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("declares 127 tagged fields");
    }

    @Test
    void shouldRejectTrailingBytesAfterTheBody() {
        ProtocolReader in = reader(CLASSIC, 0, 1, 2);
        in.int16("x");
        assertThatThrownBy(in::expectEnd)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("followed by 1 unexpected bytes");
    }

    @Test
    void shouldBeARetriableNetworkProblemForTheSender() {
        assertThat(new ProtocolException("x")).isInstanceOf(io.sluice.api.errors.NetworkException.class)
                .isInstanceOf(io.sluice.api.errors.RetriableException.class);
    }
}
