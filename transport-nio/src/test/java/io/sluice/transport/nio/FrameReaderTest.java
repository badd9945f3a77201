package io.sluice.transport.nio;

import static io.sluice.transport.nio.Frames.payload;
import static io.sluice.transport.nio.Frames.sizePrefix;
import static io.sluice.transport.nio.Frames.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.SslAuthenticationException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private final ReceiveBufferPool pool = new ReceiveBufferPool();
    private final ScriptedLayer layer = new ScriptedLayer();

    private FrameReader reader(int sharedBytes, int maxFrameBytes) {
        return new FrameReader(ByteBuffer.allocateDirect(sharedBytes), pool, maxFrameBytes);
    }

    /** Runs rounds until the layer has nothing left, copying each frame as the listener would. */
    private static List<byte[]> readAll(FrameReader reader, ScriptedLayer layer) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        do {
            ByteBuffer frame;
            while ((frame = reader.nextFrame(layer)) != null) {
                frames.add(Frames.bytes(frame));
            }
        } while (layer.hasMoreToRead());
        return frames;
    }

    @Test
    void shouldHandOutManyFramesFromOneReadInPlaceWithoutPooledBuffers() throws IOException {
        byte[][] payloads = new byte[200][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = payload(i % 7, i);
        }
        layer.chunk(wire(payloads));
        FrameReader reader = reader(64 * 1024, 1024);

        List<byte[]> frames = new ArrayList<>();
        ByteBuffer frame;
        while ((frame = reader.nextFrame(layer)) != null) {
            frames.add(Frames.bytes(frame));
        }

        assertThat(frames).containsExactly(payloads);
        assertThat(layer.reads()).as("one short read drains the socket; no second read to learn that").isEqualTo(1);
        assertThat(pool.allocations()).isZero();
    }

    @Test
    void shouldReassembleFramesAndSizePrefixesSplitByteByByte() throws IOException {
        byte[][] payloads = {payload(0, 1), payload(1, 2), payload(300, 3), payload(5000, 4), payload(0, 5)};
        layer.chunks(wire(payloads), 1);

        assertThat(readAll(reader(64 * 1024, 10_000), layer)).containsExactly(payloads);
    }

    @Test
    void shouldReassembleFramesAtEveryChunkBoundaryAndSharedBufferSize() throws IOException {
        Random random = new Random(42);
        byte[][] payloads = new byte[60][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = payload(random.nextInt(3) == 0 ? 0 : random.nextInt(3000), i);
        }
        byte[] stream = wire(payloads);
        for (int sharedBytes : new int[] {1, 3, 4, 5, 64, 4096}) {
            for (int chunk : new int[] {1, 2, 3, 4, 5, 7, 100, 1023, stream.length}) {
                ScriptedLayer chunked = new ScriptedLayer().chunks(stream, chunk);
                assertThat(readAll(reader(sharedBytes, 3000), chunked))
                        .as("shared buffer %d bytes, chunks of %d bytes", sharedBytes, chunk)
                        .containsExactly(payloads);
            }
        }
    }

    @Test
    void shouldReuseOnePooledBufferForFramesSplitAcrossReadsInSteadyState() throws IOException {
        byte[][] payloads = new byte[1000][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = payload(2000, i);
        }
        layer.chunks(wire(payloads), 700);

        assertThat(readAll(reader(64 * 1024, 4096), layer)).containsExactly(payloads);
        assertThat(pool.allocations()).as("buffers allocated for 1000 split frames").isEqualTo(1);
        assertThat(pool.pooled()).isEqualTo(1);
    }

    @Test
    void shouldReadLargeFramesThroughASmallSharedBuffer() throws IOException {
        byte[] large = payload(3 * 1024 * 1024, 9);
        layer.chunks(wire(large, payload(1, 10)), 64 * 1024);

        List<byte[]> frames = readAll(reader(64 * 1024, 4 * 1024 * 1024), layer);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isEqualTo(large);
        assertThat(frames.get(1)).isEqualTo(payload(1, 10));
    }

    @Test
    void shouldResumeAfterTheFrameWhateverTheListenerDidToTheBuffer() throws IOException {
        byte[][] payloads = {payload(10, 1), payload(20, 2), payload(30, 3)};
        layer.chunk(wire(payloads));
        FrameReader reader = reader(1024, 100);

        List<byte[]> frames = new ArrayList<>();
        ByteBuffer frame;
        while ((frame = reader.nextFrame(layer)) != null) {
            frames.add(Frames.bytes(frame));
            frame.order(ByteOrder.LITTLE_ENDIAN);
            frame.position(frame.limit());
            frame.limit(frame.position());
        }

        assertThat(frames).containsExactly(payloads);
    }

    @Test
    void shouldStopARoundAfterMaxReadsWhenTheSocketKeepsFillingTheBuffer() throws IOException {
        byte[][] payloads = new byte[40][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = payload(60, i);
        }
        layer.chunks(wire(payloads), 64);
        FrameReader reader = reader(64, 100);

        int firstRound = 0;
        while (reader.nextFrame(layer) != null) {
            firstRound++;
        }

        assertThat(layer.reads()).isEqualTo(FrameReader.MAX_READS_PER_ROUND);
        assertThat(firstRound).isLessThan(payloads.length);
        List<byte[]> rest = readAll(reader, layer);
        assertThat(firstRound + rest.size()).isEqualTo(payloads.length);
        assertThat(rest.get(rest.size() - 1)).isEqualTo(payloads[payloads.length - 1]);
    }

    @Test
    void shouldRefuseASizeAboveTheLimitWithoutTakingMemory() {
        layer.chunk(new byte[] {'H', 'T', 'T', 'P', '/', '1', '.', '1', ' ', '4', '0', '0'});

        assertThatThrownBy(() -> reader(1024, 16).nextFrame(layer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("frame size of 1213486160 bytes")
                .hasMessageContaining("limit of 16 bytes")
                .hasMessageContaining("48 54 54 50 (\"HTTP\"), which looks like an HTTP response")
                .hasMessageContaining("probably not a Kafka broker, or not speaking plaintext");
        assertThat(pool.allocations()).isZero();
    }

    @Test
    void shouldRefuseANegativeSize() {
        layer.chunk(sizePrefix(-1));

        assertThatThrownBy(() -> reader(1024, 16).nextFrame(layer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("negative frame size (-1)")
                .hasMessageContaining("ff ff ff ff")
                .hasMessageContaining("probably not a Kafka broker");
    }

    @Test
    void shouldSayTheListenerExpectsTlsWhenTheSizeIsATlsAlertAndMakeItFatal() {
        layer.chunks(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46}, 2);

        assertThatThrownBy(() -> readAll(reader(1024, 100 * 1024 * 1024), layer))
                .isInstanceOf(IOException.class)
                .hasMessage("the broker answered with a TLS record (bytes 15 03 03 00 where a frame size was expected): "
                        + "this listener expects TLS. Set security.protocol=SSL (or SASL_SSL) and the ssl.* settings, or "
                        + "connect to a PLAINTEXT listener")
                .cause().isInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void shouldReportEndOfStreamInTheMiddleOfAFrame() {
        byte[] stream = wire(payload(100, 1));
        layer.chunk(Arrays.copyOf(stream, 4 + 10)).endOfStream();

        assertThatThrownBy(() -> readAll(reader(1024, 1000), layer))
                .isInstanceOf(EOFException.class)
                .hasMessage("the peer closed the connection in the middle of a frame: 10 of its 100 bytes had arrived");
    }

    @Test
    void shouldReportEndOfStreamInTheMiddleOfASizePrefix() {
        layer.chunk(new byte[] {0, 0}).endOfStream();

        assertThatThrownBy(() -> readAll(reader(1024, 1000), layer))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("size prefix: 2 of its 4 bytes");
    }

    @Test
    void shouldDeliverWholeFramesBeforeReportingACleanEndOfStream() throws IOException {
        layer.chunk(wire(payload(5, 1))).endOfStream();
        FrameReader reader = reader(1024, 1000);

        assertThat(Frames.bytes(reader.nextFrame(layer))).isEqualTo(payload(5, 1));
        assertThat(reader.nextFrame(layer)).isNull();
        assertThatThrownBy(() -> reader.nextFrame(layer))
                .isInstanceOf(EOFException.class)
                .hasMessage("the peer closed the connection");
    }

    @Test
    void shouldLeaveTheFrameInPlaceAloneWhenReleasedWhileTheListenerHoldsIt() throws IOException {
        layer.chunk(wire(payload(10, 1), payload(20, 2)));
        FrameReader reader = reader(1024, 100);

        ByteBuffer frame = reader.nextFrame(layer);
        reader.release();

        assertThat(Frames.bytes(frame)).isEqualTo(payload(10, 1));
    }

    @Test
    void shouldGiveThePartialFrameBackToThePoolOnRelease() throws IOException {
        layer.chunk(Arrays.copyOf(wire(payload(100, 1)), 50));
        FrameReader reader = reader(1024, 1000);

        assertThat(reader.nextFrame(layer)).isNull();
        assertThat(pool.pooled()).isZero();
        reader.release();

        assertThat(pool.pooled()).isEqualTo(1);
    }
}
