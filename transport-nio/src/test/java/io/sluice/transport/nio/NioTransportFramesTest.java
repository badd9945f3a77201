package io.sluice.transport.nio;

import static io.sluice.transport.nio.Frames.payload;
import static io.sluice.transport.nio.Frames.wire;
import static io.sluice.transport.nio.RecordingListener.Kind.DISCONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.RECEIVED;
import static io.sluice.transport.nio.RecordingListener.Kind.SENT;
import static io.sluice.transport.nio.TestTransports.connect;
import static io.sluice.transport.nio.TestTransports.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.transport.nio.LoopbackPeer.PeerSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames both ways over loopback: sizes, splits, gathering writes, the order of onFrameSent. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioTransportFramesTest {

    private final RecordingListener listener = new RecordingListener();
    private NioTransport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void shouldRoundTripEmptyOneByteAndMultiMegabyteFramesThroughAnEchoPeer() throws IOException {
        transport = TestTransports.open();
        byte[] large = payload(6 * 1024 * 1024 + 3, 3);
        try (EchoPeer echo = EchoPeer.start()) {
            connect(transport, listener, 1, echo.address());

            transport.send(1, new ByteBuffer[] {ByteBuffer.allocate(0)}, 1);
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {-7})}, 1);
            int third = large.length / 3;
            transport.send(1, new ByteBuffer[] {
                ByteBuffer.wrap(large, 0, third),
                ByteBuffer.allocateDirect(third).put(large, third, third).flip(),
                ByteBuffer.wrap(large, 2 * third, large.length - 2 * third)}, 3);
            transport.send(1, new ByteBuffer[0], 0);
            pollUntil(transport, listener, () -> listener.count(RECEIVED, 1) == 4);
        }

        assertThat(listener.count(SENT, 1)).isEqualTo(4);
        List<byte[]> received = listener.received(1);
        assertThat(received.get(0)).isEmpty();
        assertThat(received.get(1)).containsExactly(-7);
        assertThat(received.get(2)).isEqualTo(large);
        assertThat(received.get(3)).isEmpty();
        assertThat(listener.of(DISCONNECTED)).isEmpty();
    }

    @Test
    void shouldReceiveManySmallFramesWrittenInOneSegment() throws IOException {
        transport = TestTransports.open();
        byte[][] payloads = new byte[300][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = payload(i % 21, i);
        }
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            try (PeerSocket socket = peer.accept()) {
                socket.write(wire(payloads));
                pollUntil(transport, listener, () -> listener.count(RECEIVED, 1) == payloads.length);
            }
        }

        assertThat(listener.received(1)).containsExactly(payloads);
    }

    @Test
    void shouldReceiveFramesWrittenByteByByte() throws Exception {
        transport = TestTransports.open();
        byte[][] payloads = {payload(0, 1), payload(1, 2), payload(7, 3), payload(300, 4), payload(0, 5)};
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            try (PeerSocket socket = peer.accept()) {
                CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                    try {
                        socket.writeByteByByte(wire(payloads));
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                pollUntil(transport, listener, () -> listener.count(RECEIVED, 1) == payloads.length);
                writing.get();
            }
        }

        assertThat(listener.received(1)).containsExactly(payloads);
    }

    @Test
    void shouldWriteTheCallersBuffersAsOneFrameAndAdvanceTheirPositions() throws IOException {
        transport = TestTransports.open();
        ByteBuffer heap = ByteBuffer.wrap(payload(100, 1));
        ByteBuffer direct = ByteBuffer.allocateDirect(50).put(payload(50, 2)).flip();
        ByteBuffer slice = ByteBuffer.wrap(payload(80, 3), 10, 30);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(Frames.sizePrefix(180));
        expected.writeBytes(payload(100, 1));
        expected.writeBytes(payload(50, 2));
        expected.write(payload(80, 3), 10, 30);
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            try (PeerSocket socket = peer.accept()) {
                transport.send(1, new ByteBuffer[] {heap, direct, slice, ByteBuffer.allocate(9)}, 3);
                pollUntil(transport, listener, () -> listener.has(SENT, 1));

                assertThat(socket.readExactly(4 + 180)).isEqualTo(expected.toByteArray());
            }
        }
        assertThat(heap.hasRemaining()).isFalse();
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(slice.position()).isEqualTo(40);
    }

    @Test
    void shouldReportFramesSentInQueueOrderOnlyOnceTheyAreFullyWritten() throws Exception {
        transport = TestTransports.open(new TransportSettings("test", 8 * 1024, -1, -1, 1024), NioTransport::systemClockMs);
        ArrayDeque<ByteBuffer[]> queued = new ArrayDeque<>();
        List<String> problems = new ArrayList<>();
        RecordingListener checking = new RecordingListener() {
            @Override
            public void onFrameSent(int connectionId) {
                super.onFrameSent(connectionId);
                ByteBuffer[] oldest = queued.pollFirst();
                if (oldest == null || Arrays.stream(oldest).anyMatch(ByteBuffer::hasRemaining)) {
                    problems.add("onFrameSent #" + count(SENT, connectionId) + " before its frame was written");
                }
            }
        };
        byte[] big = payload(16 * 1024 * 1024, 1);
        try (LoopbackPeer peer = LoopbackPeer.start(8 * 1024)) {
            connect(transport, checking, 1, peer.address());
            try (PeerSocket socket = peer.accept()) {
                for (ByteBuffer[] frame : List.of(
                        new ByteBuffer[] {ByteBuffer.wrap(payload(10, 2))},
                        new ByteBuffer[] {ByteBuffer.wrap(big, 0, big.length / 2), ByteBuffer.wrap(big, big.length / 2, big.length / 2)},
                        new ByteBuffer[] {ByteBuffer.wrap(payload(20, 3))})) {
                    queued.add(frame);
                    transport.send(1, frame, frame.length);
                }
                for (int i = 0; i < 20; i++) {
                    transport.poll(5, checking);
                }
                assertThat(checking.count(SENT, 1)).as("the peer has not read the 16 MB frame yet").isLessThan(2);

                CompletableFuture<byte[][]> reading = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new byte[][] {socket.readFrame(), socket.readFrame(), socket.readFrame()};
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                pollUntil(transport, checking, () -> checking.count(SENT, 1) == 3);

                byte[][] atPeer = reading.get();
                assertThat(atPeer[0]).isEqualTo(payload(10, 2));
                assertThat(atPeer[1]).isEqualTo(big);
                assertThat(atPeer[2]).isEqualTo(payload(20, 3));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void shouldLetAListenerAnswerAFrameFromInsideOnFrameReceived() throws IOException {
        transport = TestTransports.open();
        RecordingListener answering = new RecordingListener() {
            @Override
            public void onFrameReceived(int connectionId, ByteBuffer frame) {
                super.onFrameReceived(connectionId, frame);
                if (count(RECEIVED, connectionId) < 100) {
                    transport.send(connectionId, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {(byte) frame.remaining()})}, 1);
                }
            }
        };
        try (EchoPeer echo = EchoPeer.start()) {
            connect(transport, answering, 1, echo.address());
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(5, 1))}, 1);

            pollUntil(transport, answering, () -> answering.count(RECEIVED, 1) == 100);
        }

        assertThat(answering.received(1).subList(1, 100)).allSatisfy(frame -> assertThat(frame).hasSize(1));
        assertThat(answering.count(SENT, 1)).isEqualTo(100);
    }

    @Test
    void shouldNotAllocateReceiveBuffersForFramesThatArriveWhole() throws IOException {
        transport = TestTransports.open();
        try (EchoPeer echo = EchoPeer.start()) {
            connect(transport, listener, 1, echo.address());
            for (int i = 0; i < 2000; i++) {
                transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(i % 50, i))}, 1);
                long expected = i + 1;
                pollUntil(transport, listener, () -> listener.count(RECEIVED, 1) == expected);
            }
        }

        assertThat(listener.count(RECEIVED, 1)).isEqualTo(2000);
        assertThat(transport.receivePool().allocations())
                .as("a small response that arrives in one read is handed out in place")
                .isZero();
    }
}
