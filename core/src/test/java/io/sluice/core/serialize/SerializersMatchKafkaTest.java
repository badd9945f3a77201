package io.sluice.core.serialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.RecordHeaders;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.BufferSerializer;
import io.sluice.api.spi.Serializer;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Each built-in serializer writes exactly the bytes of Apache Kafka's serializer for the same type. */
class SerializersMatchKafkaTest {

    @Property
    void integersMatch(@ForAll int v) {
        assertSame(new IntegerSerializer(), new org.apache.kafka.common.serialization.IntegerSerializer(), v);
    }

    @Property
    void longsMatch(@ForAll long v) {
        assertSame(new LongSerializer(), new org.apache.kafka.common.serialization.LongSerializer(), v);
    }

    @Property
    void shortsMatch(@ForAll short v) {
        assertSame(new ShortSerializer(), new org.apache.kafka.common.serialization.ShortSerializer(), v);
    }

    @Property
    void doublesMatch(@ForAll double v) {
        assertSame(new DoubleSerializer(), new org.apache.kafka.common.serialization.DoubleSerializer(), v);
    }

    @Property
    void floatsMatch(@ForAll float v) {
        assertSame(new FloatSerializer(), new org.apache.kafka.common.serialization.FloatSerializer(), v);
    }

    @Property
    void stringsMatch(@ForAll String v) {
        assertThat(new StringSerializer().serialize("t", v))
                .isEqualTo(new org.apache.kafka.common.serialization.StringSerializer().serialize("t", v));
    }

    @Property
    void byteArraysMatch(@ForAll byte[] v) {
        assertSame(new ByteArraySerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer(), v);
    }

    @Test
    void booleansMatch() {
        assertSame(new BooleanSerializer(), new org.apache.kafka.common.serialization.BooleanSerializer(), true);
        assertSame(new BooleanSerializer(), new org.apache.kafka.common.serialization.BooleanSerializer(), false);
    }

    @Test
    void uuidsMatchKafkasStringForm() {
        UUID id = UUID.randomUUID();
        assertThat(new UuidSerializer().serialize("t", id))
                .isEqualTo(new org.apache.kafka.common.serialization.UUIDSerializer().serialize("t", id))
                .hasSize(36);
    }

    @Test
    void byteBuffersSerializeFromZeroToLimitLikeKafkaWithoutMovingThePosition() {
        ByteBuffer heap = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        heap.position(1).limit(4);
        ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] {7, 8, 9}).flip().position(2);
        for (ByteBuffer b : new ByteBuffer[] {heap, direct}) {
            int position = b.position();
            byte[] ours = new ByteBufferSerializer().serialize("t", b);
            assertThat(b.position()).isEqualTo(position);
            assertThat(ours).isEqualTo(new org.apache.kafka.common.serialization.ByteBufferSerializer().serialize("t", b.duplicate()));
        }
    }

    @Test
    void nullsStayNullEverywhere() {
        for (Serializer<?> s : new Serializer<?>[] {new StringSerializer(), new ByteArraySerializer(), new ByteBufferSerializer(),
                new IntegerSerializer(), new LongSerializer(), new ShortSerializer(), new DoubleSerializer(), new FloatSerializer(),
                new BooleanSerializer(), new UuidSerializer(), new VoidSerializer()}) {
            assertThat(serializeNull(s)).as(s.name()).isNull();
        }
    }

    @Test
    void stringSerializerHonoursKafkasEncodingKeysAndRejectsUnknownCharsets() {
        StringSerializer s = new StringSerializer();
        s.configure(Map.of("value.serializer.encoding", "UTF-16BE"), false);
        assertThat(s.serialize("t", "A")).containsExactly(0, 65);
        assertThatThrownBy(() -> new StringSerializer().configure(Map.of("serializer.encoding", "NOPE-8"), true))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serializer.encoding=NOPE-8 is not a charset this JVM supports; use e.g. UTF-8");
    }

    @Test
    void bufferSerializersWriteTheSameBytesIntoACallersBuffer() {
        IntegerSerializer s = new IntegerSerializer();
        ByteBuffer target = ByteBuffer.allocate(8);
        assertThat(s.serializedSize("t", new RecordHeaders(), 42)).isEqualTo(4);
        s.serializeInto("t", new RecordHeaders(), 42, target);
        assertThat(target.flip().remaining()).isEqualTo(4);
        byte[] written = new byte[4];
        target.get(written);
        assertThat(written).isEqualTo(s.serialize("t", 42));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] serializeNull(Serializer s) {
        return s.serialize("t", null);
    }

    private static <T> void assertSame(BufferSerializer<T> ours, org.apache.kafka.common.serialization.Serializer<T> theirs, T v) {
        byte[] expected = theirs.serialize("t", v);
        assertThat(ours.serialize("t", v)).isEqualTo(expected);
        ByteBuffer into = ByteBuffer.allocate(ours.serializedSize("t", new RecordHeaders(), v));
        ours.serializeInto("t", new RecordHeaders(), v, into);
        assertThat(into.array()).isEqualTo(expected);
    }
}
