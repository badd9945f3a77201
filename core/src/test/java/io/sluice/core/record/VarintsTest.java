package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.utils.internals.ByteUtils;
import org.junit.jupiter.api.Test;

class VarintsTest {

    @Property
    void signedVarintMatchesKafkaBytesAndRoundTrips(@ForAll int value) {
        ByteBuffer ours = ByteBuffer.allocate(5);
        ByteBuffer theirs = ByteBuffer.allocate(5);
        Varints.writeVarint(value, ours);
        ByteUtils.writeVarint(value, theirs);
        assertThat(ours.flip()).isEqualTo(theirs.flip());
        assertThat(Varints.sizeOfVarint(value)).isEqualTo(ByteUtils.sizeOfVarint(value)).isEqualTo(ours.remaining());
        assertThat(Varints.readVarint(ours)).isEqualTo(value);
    }

    @Property
    void signedVarlongMatchesKafkaBytesAndRoundTrips(@ForAll long value) {
        ByteBuffer ours = ByteBuffer.allocate(10);
        ByteBuffer theirs = ByteBuffer.allocate(10);
        Varints.writeVarlong(value, ours);
        ByteUtils.writeVarlong(value, theirs);
        assertThat(ours.flip()).isEqualTo(theirs.flip());
        assertThat(Varints.sizeOfVarlong(value)).isEqualTo(ByteUtils.sizeOfVarlong(value)).isEqualTo(ours.remaining());
        assertThat(Varints.readVarlong(ours)).isEqualTo(value);
    }

    @Property
    void unsignedVarintMatchesKafkaBytesAndRoundTrips(@ForAll int value) {
        ByteBuffer ours = ByteBuffer.allocate(5);
        ByteBuffer theirs = ByteBuffer.allocate(5);
        Varints.writeUnsignedVarint(value, ours);
        ByteUtils.writeUnsignedVarint(value, theirs);
        assertThat(ours.flip()).isEqualTo(theirs.flip());
        assertThat(Varints.sizeOfUnsignedVarint(value)).isEqualTo(ByteUtils.sizeOfUnsignedVarint(value));
        assertThat(Varints.readUnsignedVarint(ours)).isEqualTo(value);
    }

    @Test
    void shouldRejectAVarintLongerThanFiveBytesAsCorrupt() {
        ByteBuffer corrupt = ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01});
        assertThatThrownBy(() -> Varints.readUnsignedVarint(corrupt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void shouldRejectAVarlongLongerThanTenBytesAsCorrupt() {
        byte[] bytes = new byte[11];
        java.util.Arrays.fill(bytes, (byte) 0x80);
        assertThatThrownBy(() -> Varints.readVarlong(ByteBuffer.wrap(bytes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt");
    }
}
