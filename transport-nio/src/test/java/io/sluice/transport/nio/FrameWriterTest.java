package io.sluice.transport.nio;

import static io.sluice.transport.nio.Frames.payload;
import static io.sluice.transport.nio.Frames.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameWriterTest {

    private final FrameWriter writer = new FrameWriter();
    private final ScriptedLayer layer = new ScriptedLayer();

    @Test
    void shouldHandTheCallersBuffersToTheSocketAfterASizePrefixWithoutCopying() throws IOException {
        ByteBuffer first = ByteBuffer.wrap(payload(3, 1));
        ByteBuffer second = ByteBuffer.allocateDirect(5).put(payload(5, 2)).flip();
        ByteBuffer third = ByteBuffer.wrap(payload(7, 3), 2, 4);

        writer.enqueue(new ByteBuffer[] {first, second, third}, 3);
        int completed = writer.writeTo(layer);

        assertThat(completed).isEqualTo(1);
        assertThat(layer.writeCalls()).hasSize(1);
        List<ByteBuffer> handed = layer.writeCalls().get(0);
        assertThat(handed).hasSize(4);
        assertThat(handed.get(1)).isSameAs(first);
        assertThat(handed.get(2)).isSameAs(second);
        assertThat(handed.get(3)).isSameAs(third);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(Frames.sizePrefix(12));
        expected.writeBytes(payload(3, 1));
        expected.writeBytes(payload(5, 2));
        expected.write(payload(7, 3), 2, 4);
        assertThat(layer.written()).isEqualTo(expected.toByteArray());
        assertThat(first.hasRemaining()).isFalse();
        assertThat(second.hasRemaining()).isFalse();
        assertThat(third.position()).isEqualTo(6);
    }

    @Test
    void shouldWriteSeveralQueuedFramesInOneGatheringWrite() throws IOException {
        writer.enqueue(new ByteBuffer[] {ByteBuffer.wrap(payload(10, 1))}, 1);
        writer.enqueue(new ByteBuffer[] {ByteBuffer.wrap(payload(20, 2))}, 1);
        writer.enqueue(new ByteBuffer[] {ByteBuffer.wrap(payload(30, 3))}, 1);

        assertThat(writer.writeTo(layer)).isEqualTo(3);

        assertThat(layer.writeCalls()).hasSize(1);
        assertThat(layer.written()).isEqualTo(wire(payload(10, 1), payload(20, 2), payload(30, 3)));
        assertThat(writer.hasPending()).isFalse();
    }

    @Test
    void shouldResumePartialWritesAndCompleteFramesInOrder() throws IOException {
        byte[][] payloads = {payload(0, 1), payload(1, 2), payload(10, 3), payload(0, 4), payload(25, 5)};
        for (byte[] p : payloads) {
            writer.enqueue(new ByteBuffer[] {ByteBuffer.wrap(p, 0, p.length / 2), ByteBuffer.wrap(p, p.length / 2,
                    p.length - p.length / 2)}, 2);
        }
        layer.maxBytesPerWrite(3);

        int[] completedAfterWrite = new int[40];
        int writes = 0;
        int completed = 0;
        while (writer.hasPending()) {
            completed += writer.writeTo(layer);
            completedAfterWrite[writes++] = completed;
        }

        assertThat(completed).isEqualTo(payloads.length);
        assertThat(layer.written()).isEqualTo(wire(payloads));
        // 4+0, 4+1, 4+10, 4+0, 4+25 bytes, 3 per write: frames end at bytes 4, 9, 23, 27, 56
        assertThat(completedAfterWrite[1]).as("after 6 bytes").isEqualTo(1);
        assertThat(completedAfterWrite[2]).as("after 9 bytes").isEqualTo(2);
        assertThat(completedAfterWrite[7]).as("after 24 bytes").isEqualTo(3);
        assertThat(completedAfterWrite[8]).as("after 27 bytes").isEqualTo(4);
        assertThat(completedAfterWrite[18]).as("after 57 bytes").isEqualTo(5);
    }

    @Test
    void shouldWriteOnlyTheSizePrefixOfAnEmptyFrame() throws IOException {
        writer.enqueue(new ByteBuffer[] {ByteBuffer.allocate(0)}, 1);
        writer.enqueue(new ByteBuffer[0], 0);

        assertThat(writer.writeTo(layer)).isEqualTo(2);
        assertThat(layer.written()).isEqualTo(new byte[8]);
    }

    @Test
    void shouldUseOnlyTheFirstCountBuffersAndNotKeepTheCallersArray() throws IOException {
        ByteBuffer[] payload = {ByteBuffer.wrap(payload(4, 1)), ByteBuffer.wrap(payload(4, 2)), ByteBuffer.wrap(payload(4, 3))};

        writer.enqueue(payload, 2);
        payload[0] = ByteBuffer.wrap(payload(4, 9));
        writer.writeTo(layer);

        assertThat(layer.written()).isEqualTo(wire(concat(payload(4, 1), payload(4, 2))));
        assertThat(payload[2].remaining()).isEqualTo(4);
    }

    @Test
    void shouldSplitAFrameOfMoreBuffersThanOneGatheringWriteTakes() throws IOException {
        int count = FrameWriter.MAX_GATHER * 3 + 5;
        ByteBuffer[] payload = new ByteBuffer[count];
        byte[] expected = new byte[count];
        for (int i = 0; i < count; i++) {
            expected[i] = (byte) i;
            payload[i] = ByteBuffer.wrap(new byte[] {(byte) i});
        }

        writer.enqueue(payload, count);

        assertThat(writer.writeTo(layer)).isEqualTo(1);
        assertThat(layer.written()).isEqualTo(wire(expected));
        assertThat(layer.writeCalls()).hasSize(4).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(FrameWriter.MAX_GATHER));
    }

    @Test
    void shouldDropQueuedFramesOnClear() throws IOException {
        writer.enqueue(new ByteBuffer[] {ByteBuffer.wrap(payload(4, 1))}, 1);

        writer.clear();

        assertThat(writer.hasPending()).isFalse();
        assertThat(writer.writeTo(layer)).isZero();
        assertThat(layer.writeCalls()).isEmpty();
    }

    @Test
    void shouldRefuseAFrameLargerThanTheSizePrefixCanSay(@TempDir Path dir) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("sparse").toFile(), "rw")) {
            file.setLength(Integer.MAX_VALUE);
            MappedByteBuffer huge = file.getChannel().map(FileChannel.MapMode.READ_ONLY, 0, Integer.MAX_VALUE);

            assertThatThrownBy(() -> writer.enqueue(new ByteBuffer[] {huge, ByteBuffer.allocate(1)}, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("A frame of 2147483648 bytes does not fit");
        }
        assertThat(writer.hasPending()).isFalse();
    }

    @Test
    void shouldNameTheMissingBuffer() {
        assertThatThrownBy(() -> writer.enqueue(new ByteBuffer[] {ByteBuffer.allocate(1), null}, 2))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("payload[1] is null");
        assertThatThrownBy(() -> writer.enqueue(new ByteBuffer[1], 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
