package io.sluice.transport.nio;

import static io.sluice.transport.nio.Frames.payload;
import static io.sluice.transport.nio.Frames.sizePrefix;
import static io.sluice.transport.nio.Frames.wire;
import static io.sluice.transport.nio.RecordingListener.Kind.CONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.DISCONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.RECEIVED;
import static io.sluice.transport.nio.TestTransports.connect;
import static io.sluice.transport.nio.TestTransports.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.transport.nio.LoopbackPeer.PeerSocket;
import io.sluice.transport.nio.RecordingListener.Event;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Peers that close, reset, talk nonsense or go quiet; and waking a poll up. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioTransportFailureTest {

    private final RecordingListener listener = new RecordingListener();
    private NioTransport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void shouldReportAPeerThatClosesInTheMiddleOfAFrame() throws IOException {
        transport = TestTransports.open();
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 4, peer.address());
            try (PeerSocket socket = peer.accept()) {
                socket.write(wire(payload(3, 1)));
                socket.write(Arrays.copyOf(wire(payload(100, 2)), 4 + 10));
            }
            pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 4));

            assertThat(listener.received(4)).containsExactly(payload(3, 1));
            assertThat(listener.disconnect(4).cause())
                    .isInstanceOf(EOFException.class)
                    .hasMessage("Lost connection 4 to localhost:" + peer.address().getPort()
                            + " (127.0.0.1): the peer closed the connection in the middle of a frame: 10 of its 100 bytes had arrived");
        }
        assertThat(transport.isConnected(4)).isFalse();
    }

    @Test
    void shouldReportAPeerThatClosesBetweenFramesWithACause() throws IOException {
        transport = TestTransports.open();
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            peer.accept().close();

            pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 1));

            assertThat(listener.disconnect(1).cause())
                    .isInstanceOf(EOFException.class)
                    .hasMessageEndingWith(": the peer closed the connection");
        }
    }

    @Test
    void shouldReportAPeerThatResetsTheConnectionMidFrame() throws IOException {
        transport = TestTransports.open();
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            PeerSocket socket = peer.accept();
            socket.write(Arrays.copyOf(wire(payload(100, 2)), 20));
            socket.reset();

            pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 1));

            assertThat(listener.disconnect(1).cause())
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Lost connection 1 to localhost:" + peer.address().getPort() + " (127.0.0.1): ");
        }
    }

    @Test
    void shouldDisconnectAPeerThatSendsAnHttpAnswerInsteadOfAFrame() throws IOException {
        transport = TestTransports.open(16);
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            try (PeerSocket socket = peer.accept()) {
                socket.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 1));
            }
        }

        assertThat(listener.disconnect(1).cause())
                .hasMessageContaining("Lost connection 1 to localhost:")
                .hasMessageContaining("frame size of 1213486160 bytes, more than the limit of 16 bytes")
                .hasMessageContaining("probably not a Kafka broker, or not speaking plaintext");
        assertThat(listener.of(RECEIVED)).isEmpty();
        assertThat(transport.receivePool().allocations()).isZero();
    }

    @Test
    void shouldDisconnectOnANegativeSizePrefix() throws IOException {
        transport = TestTransports.open(16);
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            try (PeerSocket socket = peer.accept()) {
                socket.write(wire(payload(16, 1)));
                socket.write(sizePrefix(Integer.MIN_VALUE));
                pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 1));
            }
        }

        assertThat(listener.received(1)).containsExactly(payload(16, 1));
        assertThat(listener.disconnect(1).cause())
                .hasMessageContaining("negative frame size (-2147483648)")
                .hasMessageContaining("probably not a Kafka broker");
    }

    @Test
    void shouldCloseAConnectionIdleForLongerThanTheLimitAndReportNoCause() throws IOException {
        AtomicLong clock = new AtomicLong(1_000);
        transport = TestTransports.open(new TransportSettings("test", -1, -1, 500, 1024), clock::get);
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            PeerSocket socket = peer.accept();

            clock.set(1_500);
            transport.poll(0, listener);
            assertThat(transport.isConnected(1)).as("idle for exactly the limit").isTrue();

            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(8, 1))}, 1);
            transport.poll(0, listener);
            assertThat(socket.readFrame()).isEqualTo(payload(8, 1));
            clock.set(2_000);
            transport.poll(0, listener);
            assertThat(transport.isConnected(1)).as("sending was traffic at 1500").isTrue();

            clock.set(2_001);
            transport.poll(0, listener);

            assertThat(transport.isConnected(1)).isFalse();
            assertThat(listener.events).extracting(Event::kind).containsExactly(CONNECTED, RecordingListener.Kind.SENT, DISCONNECTED);
            assertThat(listener.disconnect(1).cause()).isNull();
            assertThat(socket.readToEnd()).isZero();
        }
    }

    @Test
    void shouldNeverCloseIdleConnectionsWhenTheLimitIsOff() throws IOException {
        AtomicLong clock = new AtomicLong(0);
        transport = TestTransports.open(new TransportSettings("test", -1, -1, -1, 1024), clock::get);
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());

            clock.set(Long.MAX_VALUE / 2);
            transport.poll(0, listener);

            assertThat(transport.isConnected(1)).isTrue();
        }
    }

    @Test
    void shouldReturnALongPollEarlyWhenWokenFromAnotherThread() throws Exception {
        transport = TestTransports.open();
        CountDownLatch polling = new CountDownLatch(1);
        Thread waker = new Thread(() -> {
            try {
                polling.await();
                transport.wakeup();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "waker");
        waker.start();

        polling.countDown();
        transport.poll(Long.MAX_VALUE, listener);

        waker.join();
        assertThat(listener.events).isEmpty();
    }

    @Test
    void shouldReturnTheNextPollAtOnceWhenWokenBeforeIt() throws IOException {
        transport = TestTransports.open();

        transport.wakeup();
        transport.poll(Long.MAX_VALUE, listener);

        assertThat(listener.events).isEmpty();
    }

    @Test
    void shouldCloseAConnectionWhoseListenerThrowsOnAFrameAndReportItNextPoll() throws IOException {
        transport = TestTransports.open();
        RecordingListener throwing = new RecordingListener() {
            @Override
            public void onFrameReceived(int connectionId, ByteBuffer frame) {
                super.onFrameReceived(connectionId, frame);
                throw new IllegalStateException("bug in the listener");
            }
        };
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, throwing, 1, peer.address());
            try (PeerSocket socket = peer.accept()) {
                socket.write(wire(payload(1, 1), payload(2, 2)));

                assertThatThrownBy(() -> pollUntil(transport, throwing, () -> false))
                        .isInstanceOf(IllegalStateException.class).hasMessage("bug in the listener");
                assertThat(transport.isConnected(1)).isFalse();
                transport.poll(0, throwing);

                assertThat(throwing.count(RECEIVED, 1)).isEqualTo(1);
                assertThat(throwing.disconnect(1).cause())
                        .hasMessageContaining("Closed connection 1 to localhost:")
                        .hasMessageContaining("TransportListener threw")
                        .hasRootCauseMessage("bug in the listener");
                assertThat(socket.readToEnd()).isZero();
            }
        }
    }

    @Test
    void shouldCloseAConnectionWhoseListenerThrowsOnAFrameSentSoNoReportIsLostSilently() throws IOException {
        transport = TestTransports.open();
        RecordingListener throwing = new RecordingListener() {
            @Override
            public void onFrameSent(int connectionId) {
                super.onFrameSent(connectionId);
                throw new IllegalStateException("bug in onFrameSent");
            }
        };
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, throwing, 1, peer.address());
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(1, 1))}, 1);
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(1, 2))}, 1);

            assertThatThrownBy(() -> transport.poll(0, throwing)).hasMessage("bug in onFrameSent");
            transport.poll(0, throwing);

            assertThat(throwing.events).extracting(Event::kind)
                    .containsExactly(CONNECTED, RecordingListener.Kind.SENT, DISCONNECTED);
            assertThat(throwing.disconnect(1).cause()).hasMessageContaining("threw from onFrameSent");
        }
    }

    @Test
    void shouldRefuseToPollFromInsideACallback() throws IOException {
        transport = TestTransports.open();
        RecordingListener reentrant = new RecordingListener() {
            @Override
            public void onConnected(int connectionId) {
                super.onConnected(connectionId);
                assertThatThrownBy(() -> transport.poll(0, this))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("poll was called from a TransportListener callback");
                assertThatThrownBy(transport::close).isInstanceOf(IllegalStateException.class);
            }
        };
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, reentrant, 1, peer.address());
        }

        assertThat(reentrant.has(CONNECTED, 1)).isTrue();
        assertThat(transport.isConnected(1)).isTrue();
    }
}
